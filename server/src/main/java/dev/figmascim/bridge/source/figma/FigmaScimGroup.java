package dev.figmascim.bridge.source.figma;

import java.util.List;

/**
 * A group as Figma's SCIM API lists it: a workspace or a billing group (not a team).
 *
 * @param id          Figma's group id
 * @param displayName the workspace or billing group name
 * @param externalId  the IdP's id, from {@code externalId} or Figma's {@code external_id}
 * @param memberIds   the members' user ids ({@code members[].value}), in Figma's order
 */
public record FigmaScimGroup(String id, String displayName, String externalId, List<String> memberIds) {

    public FigmaScimGroup {
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }
}
