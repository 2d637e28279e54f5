package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.TeamKind;

import java.util.List;
import java.util.Objects;

/**
 * A workspace or billing group with its complete member list, as Figma's SCIM API lists its Groups
 * (Figma's SCIM groups are workspaces and billing groups, never teams: figma-domain.md §4). The store
 * keeps it as a team of kind WORKSPACE or BILLING_GROUP whose memberships are exactly these members.
 *
 * @param kind               WORKSPACE or BILLING_GROUP, or null to let the engine decide from the members'
 *                           workspace and billing-group values (docs/activity-log.md, "Workspaces and billing groups")
 * @param figmaGroupId       Figma's group id (kept as the team's figmaTeamId)
 * @param name               the group's display name
 * @param memberFigmaUserIds the members' Figma user ids, in Figma's order
 */
public record IncomingGrouping(TeamKind kind, String figmaGroupId, String name, List<String> memberFigmaUserIds)
        implements Incoming {

    public IncomingGrouping {
        if (kind == TeamKind.TEAM) {
            throw new IllegalArgumentException("a grouping is a WORKSPACE or a BILLING_GROUP, not a TEAM");
        }
        Objects.requireNonNull(figmaGroupId, "figmaGroupId");
        name = TeamRef.blankToNull(name);
        Objects.requireNonNull(name, "name");
        memberFigmaUserIds = List.copyOf(memberFigmaUserIds);
    }
}
