package dev.figmascim.bridge.reconcile;

/**
 * A Figma team as a source names it: by Figma's team id, by name, or both. The id wins when both are
 * given (names change, ids do not); the name is used to find a team only a name-based source (the
 * CSV) knows, and to name a team the store does not have yet.
 */
public record TeamRef(String figmaTeamId, String name) {

    public TeamRef {
        figmaTeamId = blankToNull(figmaTeamId);
        name = blankToNull(name);
        if (figmaTeamId == null && name == null) {
            throw new IllegalArgumentException("a team is named by its Figma id, its name, or both");
        }
    }

    public static TeamRef byId(String figmaTeamId) {
        return new TeamRef(figmaTeamId, null);
    }

    public static TeamRef byName(String name) {
        return new TeamRef(null, name);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return figmaTeamId == null ? name : name == null ? "#" + figmaTeamId : name + " (#" + figmaTeamId + ")";
    }
}
