package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.TeamRole;

import java.util.Objects;

/**
 * One change to a member's teams reported as an event (the activity log) rather than as the member's
 * full team list. Applied whether or not the snapshot {@link Snapshot#reportsTeams() reports teams},
 * and idempotently: applying the same operations twice changes nothing the second time.
 *
 * @param kind what happens
 * @param team the team (null for {@link Kind#LEAVE_ALL})
 * @param role the role for ADD and ROLE_CHANGE; {@link TeamRole#UNKNOWN} keeps a role already held
 */
public record TeamOperation(Kind kind, TeamRef team, TeamRole role) {

    /** What happens to the membership. */
    public enum Kind {
        /** The member joins the team with the role (or, already in it, takes the role). */
        ADD,
        /**
         * The member's role in the team changes. Figma only changes roles of members, so a member not
         * in the team is added: the add was missed (e.g. it happened before the activity log start).
         */
        ROLE_CHANGE,
        /** The member leaves the team. */
        REMOVE,
        /**
         * The member leaves every team, workspace and billing group (removed from the organisation),
         * except the teams that later operations of the same list add again: "removed, then re-added
         * to X" ends in X without a leave-and-join on every re-run.
         */
        LEAVE_ALL
    }

    public TeamOperation {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.LEAVE_ALL) {
            team = null;
            role = null;
        } else {
            Objects.requireNonNull(team, "team");
            role = kind == Kind.REMOVE ? null : role == null ? TeamRole.UNKNOWN : role;
        }
    }

    public static TeamOperation add(TeamRef team, TeamRole role) {
        return new TeamOperation(Kind.ADD, team, role);
    }

    public static TeamOperation roleChange(TeamRef team, TeamRole role) {
        return new TeamOperation(Kind.ROLE_CHANGE, team, role);
    }

    public static TeamOperation remove(TeamRef team) {
        return new TeamOperation(Kind.REMOVE, team, null);
    }

    public static TeamOperation leaveAll() {
        return new TeamOperation(Kind.LEAVE_ALL, null, null);
    }

    /** Whether the member is in the team afterwards. */
    boolean joins() {
        return kind == Kind.ADD || kind == Kind.ROLE_CHANGE;
    }
}
