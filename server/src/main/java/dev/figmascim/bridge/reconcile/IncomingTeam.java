package dev.figmascim.bridge.reconcile;

import java.util.Objects;

/**
 * A Figma team's lifecycle as a source reports it (activity log {@code team_create}, {@code team_rename},
 * {@code team_delete}). Teams only; workspaces and billing groups come as {@link IncomingGrouping}.
 *
 * @param kind        what happened
 * @param figmaTeamId Figma's team id; required for RENAMED
 * @param name        the team's (new) name; required for CREATED and RENAMED
 */
public record IncomingTeam(Kind kind, String figmaTeamId, String name) implements Incoming {

    /** What happened to the team. */
    public enum Kind {
        /** The team exists with this id and name: created, or learnt, or merged with a CSV team of that name. */
        CREATED,
        /** The team with this id is now called {@code name}. */
        RENAMED,
        /** The team is gone, with every membership in it. */
        DELETED
    }

    public IncomingTeam {
        Objects.requireNonNull(kind, "kind");
        figmaTeamId = TeamRef.blankToNull(figmaTeamId);
        name = TeamRef.blankToNull(name);
        if (kind != Kind.DELETED && name == null) {
            throw new IllegalArgumentException(kind + " needs the team's name");
        }
        if (kind == Kind.RENAMED && figmaTeamId == null) {
            throw new IllegalArgumentException("RENAMED needs the team's Figma id");
        }
        if (figmaTeamId == null && name == null) {
            throw new IllegalArgumentException("a team is named by its Figma id, its name, or both");
        }
    }

    TeamRef ref() {
        return new TeamRef(figmaTeamId, name);
    }
}
