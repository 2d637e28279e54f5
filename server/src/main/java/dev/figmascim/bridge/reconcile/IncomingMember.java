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
 *
 * @param email              the e-mail; may be null only when {@code values} has a FIGMA_USER_ID (an event
 *                           naming a user by id alone): such a member is matched, never created
 * @param values             the reported fields
 * @param teams              the member's complete team list, or null
 * @param teamOperations     incremental team changes (events), applied in order after {@code teams}
 * @param managerFigmaUserId the manager's Figma user id when the source names the manager only by id (Figma's
 *                           SCIM {@code manager.value}); resolved to MANAGER_EMAIL once that user is in the store
 * @param createIfAbsent     whether a member the store does not have is created (false: skipped with a warning)
 */
public record IncomingMember(String email, Map<MemberField, Object> values, List<TeamAssignment> teams,
                             List<TeamOperation> teamOperations, String managerFigmaUserId, boolean createIfAbsent)
        implements Incoming {

    /** A team and the member's role in it, as reported. */
    public record TeamAssignment(String team, TeamRole role) {
    }

    /** A member with its fields and (when the source has them) its complete team list; created if absent. */
    public IncomingMember(String email, Map<MemberField, Object> values, List<TeamAssignment> teams) {
        this(email, values, teams, List.of(), null, true);
    }

    public IncomingMember {
        EnumMap<MemberField, Object> copy = new EnumMap<>(MemberField.class);
        copy.putAll(values);
        if (email == null && copy.get(MemberField.FIGMA_USER_ID) == null) {
            throw new NullPointerException("email");
        }
        values = Collections.unmodifiableMap(copy);
        teams = teams == null ? null : List.copyOf(teams);
        teamOperations = teamOperations == null ? List.of() : List.copyOf(teamOperations);
        managerFigmaUserId = TeamRef.blankToNull(managerFigmaUserId);
    }

    String figmaUserId() {
        return (String) values.get(MemberField.FIGMA_USER_ID);
    }

    /** The same report with one more field (the engine adding a resolved manager e-mail). */
    IncomingMember with(MemberField field, Object value) {
        EnumMap<MemberField, Object> more = new EnumMap<>(MemberField.class);
        more.putAll(values);
        more.put(field, value);
        return new IncomingMember(email, more, teams, teamOperations, null, createIfAbsent);
    }

    /** A short name for warnings. */
    String describe() {
        return email != null ? email : "Figma user " + Objects.toString(figmaUserId());
    }
}
