package dev.figmascim.fakefigma;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One SCIM group of a scenario: in Figma a workspace or a billing group, never a team.
 *
 * @param id          Figma's group id
 * @param displayName the workspace or billing group name (Figma matches groups by it)
 * @param externalId  the IdP's id, or null
 * @param memberIds   ids of scenario users in the group
 * @param quirks      which of Figma's deviations to show
 */
public record ScimGroupSpec(String id, String displayName, String externalId, List<String> memberIds, Set<GroupQuirk> quirks) {

    public ScimGroupSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
        quirks = quirks == null || quirks.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(quirks));
    }

    /** A group without quirks. */
    public static ScimGroupSpec of(String id, String displayName, String externalId, List<String> memberIds) {
        return new ScimGroupSpec(id, displayName, externalId, memberIds, Set.of());
    }

    /** Whether this group shows the given quirk. */
    public boolean has(GroupQuirk quirk) {
        return quirks.contains(quirk);
    }
}
