package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.TeamRole;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One member as one source reports it. {@code values} holds only the fields the source reports (a
 * reported null means "the source says it is empty"); {@code teams} is null when the source does not
 * report team membership at all.
 */
public record IncomingMember(String email, Map<MemberField, Object> values, List<TeamAssignment> teams) {

    /** A team and the member's role in it, as reported. */
    public record TeamAssignment(String team, TeamRole role) {
    }

    public IncomingMember {
        Objects.requireNonNull(email, "email");
        EnumMap<MemberField, Object> copy = new EnumMap<>(MemberField.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
        teams = teams == null ? null : List.copyOf(teams);
    }

    String figmaUserId() {
        return (String) values.get(MemberField.FIGMA_USER_ID);
    }
}
