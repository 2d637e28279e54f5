package dev.figmascim.bridge.source.figma;

import dev.figmascim.bridge.model.OrgRole;
import dev.figmascim.bridge.model.SeatType;
import dev.figmascim.bridge.model.TeamRole;

import java.util.Locale;
import java.util.Map;

/**
 * Figma's words for seats, org roles and team roles, as its SCIM API and activity log spell them, mapped
 * to the store's enums. Anything else is null: the caller leaves the field unreported and says so, rather
 * than guess (figma-domain.md §6).
 */
final class FigmaValues {

    /** Since March 2025: Full / Dev / Collab / View; before: Starter / Restricted (kept as reported). */
    private static final Map<String, SeatType> SEATS = Map.of(
            "full", SeatType.FULL, "dev", SeatType.DEV, "collab", SeatType.COLLAB, "view", SeatType.VIEW,
            "starter", SeatType.STARTER, "restricted", SeatType.RESTRICTED);

    /** The org owner is an admin with more rights; the store has no owner role. */
    private static final Map<String, OrgRole> ORG_ROLES = Map.of(
            "admin", OrgRole.ADMIN, "owner", OrgRole.ADMIN, "member", OrgRole.MEMBER, "guest", OrgRole.GUEST);

    private static final Map<String, TeamRole> TEAM_ROLES = Map.of(
            "owner", TeamRole.OWNER, "admin", TeamRole.ADMIN, "editor", TeamRole.EDITOR, "edit", TeamRole.EDITOR,
            "can_edit", TeamRole.EDITOR, "viewer", TeamRole.VIEWER, "view", TeamRole.VIEWER, "can_view", TeamRole.VIEWER);

    private FigmaValues() {
    }

    static SeatType seat(String raw) {
        return raw == null ? null : SEATS.get(key(raw));
    }

    static OrgRole orgRole(String raw) {
        return raw == null ? null : ORG_ROLES.get(key(raw));
    }

    static TeamRole teamRole(String raw) {
        return raw == null ? null : TEAM_ROLES.get(key(raw));
    }

    private static String key(String raw) {
        return raw.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }
}
