package dev.figmascim.bridge.source.figma;

import com.fasterxml.jackson.databind.JsonNode;
import dev.figmascim.bridge.model.MemberStatus;
import dev.figmascim.bridge.model.OrgRole;
import dev.figmascim.bridge.model.OrgSettingKey;
import dev.figmascim.bridge.model.SeatType;
import dev.figmascim.bridge.model.TeamRole;
import dev.figmascim.bridge.reconcile.Incoming;
import dev.figmascim.bridge.reconcile.IncomingMember;
import dev.figmascim.bridge.reconcile.IncomingSetting;
import dev.figmascim.bridge.reconcile.IncomingTeam;
import dev.figmascim.bridge.reconcile.MemberField;
import dev.figmascim.bridge.reconcile.OrgSettings;
import dev.figmascim.bridge.reconcile.TeamOperation;
import dev.figmascim.bridge.reconcile.TeamRef;
import dev.figmascim.bridge.scim.NameParts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The activity-log event table (docs/activity-log.md, "Event table"): what each action type means for the
 * store, as data, and the pure translation of one page of events into what the engine applies.
 *
 * <p>A page is collapsed into its net effect before anything is applied: one report per member (its fields'
 * last values, the latest sign-in, its team operations in order), each team's last lifecycle event, each
 * setting's last value. The engine applies team operations as a net effect too, so applying the same page
 * again changes nothing, whereas replaying "seat full, then collab" one event at a time would record two
 * changes on every replay. Creates and renames come first (membership events may need the team), deletes
 * last (with the memberships of the deleted team dropped from the page).
 */
final class ActivityEventTable {

    /** What one action type does to the page being collected. */
    @FunctionalInterface
    private interface Rule {
        void apply(Page page, ActivityEvent event);
    }

    private static final Map<String, Rule> RULES = Map.ofEntries(
            rule("org_user_create", Page::userCreated),
            rule("org_user_delete", Page::userDeleted),
            rule("org_user_permission_change", Page::orgRoleChanged),
            rule("org_user_account_type_change", Page::seatChanged),
            rule("team_create", (p, e) -> p.teamNamed(e, false)),
            rule("team_restore", (p, e) -> p.teamNamed(e, false)),
            rule("team_rename", (p, e) -> p.teamNamed(e, true)),
            rule("team_delete", Page::teamDeleted),
            rule("team_member_add", (p, e) -> p.teamMember(e, TeamOperation.Kind.ADD)),
            rule("team_member_permission_change", (p, e) -> p.teamMember(e, TeamOperation.Kind.ROLE_CHANGE)),
            rule("team_member_remove", (p, e) -> p.teamMember(e, TeamOperation.Kind.REMOVE)),
            rule("user_sign_in", Page::signedIn),
            rule("saml_sso_auth_change",
                    (p, e) -> p.flagSetting(e, OrgSettingKey.SSO_MODE, OrgSettings.SSO_SAML, OrgSettings.SSO_NONE)),
            rule("google_sso_auth_change",
                    (p, e) -> p.flagSetting(e, OrgSettingKey.SSO_MODE, OrgSettings.SSO_GOOGLE, OrgSettings.SSO_NONE)),
            rule("mfa_required_setting_change",
                    (p, e) -> p.flagSetting(e, OrgSettingKey.MFA_REQUIRED, OrgSettings.TRUE, OrgSettings.FALSE)),
            rule("org_domain_capture_change",
                    (p, e) -> p.flagSetting(e, OrgSettingKey.DOMAIN_CAPTURE, OrgSettings.TRUE, OrgSettings.FALSE)),
            rule("org_guest_invite_setting_change", Page::guestInvitePolicy),
            rule("org_domain_verify", (p, e) -> p.domain(e, IncomingSetting.Op.ADD_ITEM)),
            rule("org_domain_remove", (p, e) -> p.domain(e, IncomingSetting.Op.REMOVE_ITEM)));

    /** Known action types that say nothing the store keeps: read past without a warning. */
    private static final Set<String> IGNORED = Set.of("user_sign_out", "roster_exported", "org_domain_add", "org_invite_create",
            "personal_access_token_create", "personal_access_token_delete", "scim_token_generate", "scim_token_revoke",
            "idp_user_create", "idp_user_update", "idp_user_delete", "org_user_account_type_upgrade_requested",
            "org_user_account_type_upgrade_approved", "org_user_account_type_upgrade_denied");

    /** Prefixes of known families of action types the store does not keep (files, projects; groupings come from SCIM). */
    private static final List<String> IGNORED_PREFIXES = List.of("file_", "project_", "ip_allowlist_", "idp_group_", "workspace_",
            "license_group_", "org_join_request_");

    /** Keys of {@code details} that may carry a setting's new state (Figma does not document them: inferred). */
    private static final List<String> STATE_KEYS = List.of("new_value", "enabled", "is_enabled", "required", "is_required",
            "new_setting", "setting", "value", "status");

    private ActivityEventTable() {
    }

    private static Map.Entry<String, Rule> rule(String actionType, Rule rule) {
        return Map.entry(actionType, rule);
    }

    /**
     * One page's events, translated.
     *
     * @param incoming what to apply, in order
     * @param warnings unknown action types and events that could not be used, counted
     * @param applied  events of a type in the table
     * @param ignored  events of a known type the store does not keep
     * @param unknown  events of a type this table does not know
     */
    record Translation(List<Incoming> incoming, List<String> warnings, int applied, int ignored, int unknown) {
    }

    static Translation translate(List<ActivityEvent> events) {
        Page page = new Page();
        int applied = 0;
        int ignored = 0;
        int unknown = 0;
        for (ActivityEvent event : events) {
            String type = event.actionType();
            Rule rule = type == null ? null : RULES.get(type);
            if (rule != null) {
                applied++;
                rule.apply(page, event);
            } else if (type != null && (IGNORED.contains(type) || IGNORED_PREFIXES.stream().anyMatch(type::startsWith))) {
                ignored++;
            } else {
                unknown++;
                page.notes.add("skipped activity-log events of unknown type " + (type == null ? "(none)" : type));
            }
        }
        return new Translation(page.result(), page.notes.list(), applied, ignored, unknown);
    }

    /** Is this action type in the table? (For docs and tests.) */
    static boolean handles(String actionType) {
        return RULES.containsKey(actionType);
    }

    /** A member's events within the page, collapsed. */
    private static final class MemberReport {
        private String figmaUserId;
        private String email;
        private boolean mayCreate;
        private final Map<MemberField, Object> values = new EnumMap<>(MemberField.class);
        private final List<TeamOperation> operations = new ArrayList<>();

        IncomingMember toIncoming(Set<String> deletedTeams) {
            Map<MemberField, Object> out = new EnumMap<>(values);
            if (figmaUserId != null) {
                out.put(MemberField.FIGMA_USER_ID, figmaUserId);
            }
            List<TeamOperation> ops = operations.stream()
                    .filter(op -> op.team() == null || op.team().figmaTeamId() == null || !deletedTeams.contains(op.team().figmaTeamId()))
                    .toList();
            return new IncomingMember(email, out, null, ops, null, mayCreate);
        }
    }

    /** A team's lifecycle events within the page: only the last state counts. */
    private static final class TeamReport {
        private final String figmaTeamId;
        private String name;
        private boolean renamed;
        private boolean deleted;

        TeamReport(String figmaTeamId) {
            this.figmaTeamId = figmaTeamId;
        }
    }

    /** The page being collected. */
    private static final class Page {
        private final Notes notes = new Notes();
        private final List<MemberReport> members = new ArrayList<>();
        private final Map<String, MemberReport> byId = new HashMap<>();
        private final Map<String, MemberReport> byEmail = new HashMap<>();
        private final Map<String, TeamReport> teams = new LinkedHashMap<>();
        private final Map<String, IncomingSetting> settings = new LinkedHashMap<>();

        List<Incoming> result() {
            List<Incoming> out = new ArrayList<>();
            List<Incoming> deletes = new ArrayList<>();
            Set<String> deleted = new HashSet<>();
            for (TeamReport t : teams.values()) {
                if (t.deleted) {
                    deleted.add(t.figmaTeamId);
                    deletes.add(new IncomingTeam(IncomingTeam.Kind.DELETED, t.figmaTeamId, t.name));
                } else if (t.name != null) {
                    out.add(new IncomingTeam(t.renamed ? IncomingTeam.Kind.RENAMED : IncomingTeam.Kind.CREATED, t.figmaTeamId, t.name));
                }
            }
            members.forEach(m -> out.add(m.toIncoming(deleted)));
            out.addAll(settings.values());
            out.addAll(deletes);
            return out;
        }

        /** The user an event is about: the entity when it is a user, else (sign-ins) the actor. */
        private MemberReport member(ActivityEvent e, boolean actorFallback, boolean mayCreate) {
            String id;
            String email;
            if ("user".equals(e.entityType())) {
                id = e.entityId();
                email = e.entityEmail();
            } else if (actorFallback) {
                id = e.actorId();
                email = e.actorEmail();
            } else {
                notes.add("skipped " + e.actionType() + " events whose entity is not a user");
                return null;
            }
            if (id == null && email == null) {
                notes.add("skipped " + e.actionType() + " events naming no user id or e-mail");
                return null;
            }
            MemberReport m = id == null ? null : byId.get(id);
            String emailKey = email == null ? null : email.trim().toLowerCase(Locale.ROOT);
            if (m == null && emailKey != null) {
                m = byEmail.get(emailKey);
            }
            if (m == null) {
                m = new MemberReport();
                members.add(m);
            }
            if (id != null && m.figmaUserId == null) {
                m.figmaUserId = id;
                byId.put(id, m);
            }
            if (emailKey != null && m.email == null) {
                m.email = email.trim();
                byEmail.put(emailKey, m);
            }
            m.mayCreate |= mayCreate;
            return m;
        }

        void userCreated(ActivityEvent e) {
            MemberReport m = member(e, false, true);
            if (m == null) {
                return;
            }
            m.values.put(MemberField.STATUS, MemberStatus.ACTIVE);
            if (e.entityName() != null) {
                NameParts name = NameParts.of(e.entityName(), null, null, m.email);
                m.values.put(MemberField.NAME, name.formatted());
                m.values.put(MemberField.GIVEN_NAME, name.givenName());
                m.values.put(MemberField.FAMILY_NAME, name.familyName());
            }
            String permission = text(e.details(), "permission", "role");
            if (permission != null) {
                putRole(m, e, permission);
            }
        }

        void userDeleted(ActivityEvent e) {
            MemberReport m = member(e, false, false);
            if (m != null) {
                m.values.put(MemberField.STATUS, MemberStatus.REMOVED);
                m.operations.add(TeamOperation.leaveAll());
            }
        }

        void orgRoleChanged(ActivityEvent e) {
            MemberReport m = member(e, false, true);
            if (m == null) {
                return;
            }
            String permission = text(e.details(), "new_permission", "permission", "new_role", "role");
            if (permission == null) {
                notes.add("org_user_permission_change events without the new permission: role left unchanged");
            } else {
                putRole(m, e, permission);
            }
        }

        private void putRole(MemberReport m, ActivityEvent e, String permission) {
            OrgRole role = FigmaValues.orgRole(permission);
            if (role == null) {
                notes.add("unknown org permission '" + permission + "' in " + e.actionType() + ": role left unchanged");
                return;
            }
            m.values.put(MemberField.ORG_ROLE, role);
            m.values.put(MemberField.FIGMA_ADMIN, role == OrgRole.ADMIN);
        }

        void seatChanged(ActivityEvent e) {
            MemberReport m = member(e, false, true);
            if (m == null) {
                return;
            }
            // details.new_seat_type is inferred from the web client, not documented: tolerate its absence.
            String raw = text(e.details(), "new_seat_type", "seat_type", "new_account_type", "account_type");
            SeatType seat = FigmaValues.seat(raw);
            if (raw == null) {
                notes.add("org_user_account_type_change events without new_seat_type: seat left unchanged");
            } else if (seat == null) {
                notes.add("unknown seat type '" + raw + "' in org_user_account_type_change: seat left unchanged");
            } else {
                m.values.put(MemberField.SEAT_TYPE, seat);
            }
        }

        void signedIn(ActivityEvent e) {
            if (e.timestamp() <= 0) {
                notes.add("skipped user_sign_in events without a timestamp");
                return;
            }
            MemberReport m = member(e, true, false);
            if (m != null) {
                m.values.merge(MemberField.LAST_SIGN_IN_AT, Instant.ofEpochSecond(e.timestamp()),
                        (a, b) -> ((Instant) a).isAfter((Instant) b) ? a : b);
            }
        }

        void teamMember(ActivityEvent e, TeamOperation.Kind kind) {
            String resourceType = text(e.details(), "resource_type");
            if (resourceType != null && !"team".equalsIgnoreCase(resourceType)) {
                notes.add("skipped " + e.actionType() + " events on a " + resourceType + " (not a team)");
                return;
            }
            String teamId = firstNonNull(text(e.details(), "resource_id_or_key", "team_id"), Tolerant.text(e.context(), "team_id"));
            if (teamId == null) {
                notes.add("skipped " + e.actionType() + " events naming no team");
                return;
            }
            MemberReport m = member(e, false, kind != TeamOperation.Kind.REMOVE);
            if (m == null) {
                return;
            }
            TeamRef team = TeamRef.byId(teamId);
            if (kind == TeamOperation.Kind.REMOVE) {
                m.operations.add(TeamOperation.remove(team));
                return;
            }
            String permission = text(e.details(), "new_permission", "permission", "role");
            TeamRole role = FigmaValues.teamRole(permission);
            if (permission != null && role == null) {
                notes.add("unknown team permission '" + permission + "' in " + e.actionType() + ": role recorded as unknown");
            }
            m.operations.add(new TeamOperation(kind, team, role == null ? TeamRole.UNKNOWN : role));
        }

        void teamNamed(ActivityEvent e, boolean rename) {
            String id = teamId(e);
            String name = rename ? firstNonNull(text(e.details(), "new_name", "name", "team_name"), teamEntityName(e))
                    : firstNonNull(teamEntityName(e), text(e.details(), "name", "team_name", "new_name"));
            if (name == null || (rename && id == null)) {
                notes.add("skipped " + e.actionType() + " events without the team's " + (name == null ? "name" : "id"));
                return;
            }
            TeamReport t = team(id, name);
            t.deleted = false;
            t.renamed = rename && id != null;
            t.name = name;
        }

        void teamDeleted(ActivityEvent e) {
            String id = teamId(e);
            if (id == null) {
                notes.add("skipped team_delete events without the team's id");
                return;
            }
            TeamReport t = team(id, teamEntityName(e));
            t.deleted = true;
            if (t.name == null) {
                t.name = teamEntityName(e);
            }
        }

        private TeamReport team(String id, String name) {
            String key = id != null ? id : "name:" + name.toLowerCase(Locale.ROOT);
            TeamReport t = teams.remove(key);
            if (t == null) {
                t = new TeamReport(id);
            }
            // Re-inserted: the map's order is the order of each team's last event.
            teams.put(key, t);
            return t;
        }

        private static String teamId(ActivityEvent e) {
            if ("team".equals(e.entityType()) && e.entityId() != null) {
                return e.entityId();
            }
            return firstNonNull(text(e.details(), "resource_id_or_key", "team_id"), Tolerant.text(e.context(), "team_id"));
        }

        private static String teamEntityName(ActivityEvent e) {
            return "team".equals(e.entityType()) ? e.entityName() : null;
        }

        void flagSetting(ActivityEvent e, OrgSettingKey key, String whenOn, String whenOff) {
            Boolean on = state(e.details());
            setting(e, IncomingSetting.Op.SET, key, on == null ? OrgSettings.UNKNOWN : on ? whenOn : whenOff);
        }

        void guestInvitePolicy(ActivityEvent e) {
            String value = text(e.details(), "new_value", "new_setting", "setting", "policy", "value");
            setting(e, IncomingSetting.Op.SET, OrgSettingKey.GUEST_INVITE_POLICY,
                    value == null ? OrgSettings.UNKNOWN : value.trim().toLowerCase(Locale.ROOT));
        }

        void domain(ActivityEvent e, IncomingSetting.Op op) {
            String domain = firstNonNull(text(e.details(), "domain", "domain_name", "name"), e.entityName());
            if (domain == null) {
                notes.add("skipped " + e.actionType() + " events naming no domain");
                return;
            }
            setting(e, op, OrgSettingKey.VERIFIED_DOMAINS, domain.trim().toLowerCase(Locale.ROOT));
        }

        private void setting(ActivityEvent e, IncomingSetting.Op op, OrgSettingKey key, String value) {
            if (e.timestamp() <= 0) {
                notes.add("skipped " + e.actionType() + " events without a timestamp");
                return;
            }
            String slot = op == IncomingSetting.Op.SET ? key.name() : key.name() + "|" + value;
            settings.remove(slot);
            settings.put(slot, new IncomingSetting(key, op, value, Instant.ofEpochSecond(e.timestamp())));
        }

        /** A setting's new on/off state from the event's details, or null when they do not say. */
        private static Boolean state(JsonNode details) {
            for (String key : STATE_KEYS) {
                JsonNode value = details.get(key);
                Boolean b = Tolerant.bool(value);
                if (b == null && value != null && value.isTextual()) {
                    b = switch (value.asText().trim().toLowerCase(Locale.ROOT)) {
                        case "enabled", "on", "required", "yes", "enforced" -> Boolean.TRUE;
                        case "disabled", "off", "optional", "not_required", "no", "none" -> Boolean.FALSE;
                        default -> null;
                    };
                }
                if (b != null) {
                    return b;
                }
            }
            return null;
        }

        private static String text(JsonNode details, String... keys) {
            return Tolerant.firstText(details, keys);
        }

        private static String firstNonNull(String a, String b) {
            return a != null ? a : b;
        }
    }
}
