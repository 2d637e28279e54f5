package dev.figmascim.bridge.source.csv;

import dev.figmascim.bridge.model.TeamRole;

import java.util.Objects;

/**
 * One entry of a member's Teams cell: {@code "Web App (Owner)"} is {@code ("Web App", OWNER)}; an entry
 * without a recognised role in parentheses keeps its whole text as the name and {@link TeamRole#UNKNOWN}.
 *
 * @param name the team name, trimmed, never blank
 * @param role the member's role in that team, never null
 */
public record TeamEntry(String name, TeamRole role) {

    /** Checks the invariants the reader guarantees, so a hand-built entry cannot break them. */
    public TeamEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        if (name.isBlank()) {
            throw new IllegalArgumentException("team name is blank");
        }
    }
}
