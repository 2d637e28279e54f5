package dev.figmascim.bridge.source.figma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.figmascim.bridge.reconcile.TeamOperation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The event table, without a store: each action type's effect, the collapse of a page, tolerance of odd details. */
class ActivityEventTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADA = "{\"type\":\"user\",\"id\":\"101\",\"name\":\"Ada Park\",\"email\":\"ada@x.com\"}";

    /** An event in Figma's shape; {@code details} and {@code entity} as JSON text. */
    static ActivityEvent event(long ts, String type, String details, String entity) {
        String json = "{\"id\":\"e" + ts + "\",\"timestamp\":" + ts
                + ",\"actor\":{\"type\":\"user\",\"id\":\"900\",\"email\":\"admin@x.com\"},"
                + "\"action\":{\"type\":\"" + type + "\",\"details\":" + details + "},\"entity\":" + entity
                + ",\"context\":{\"org_id\":\"1\",\"team_id\":null}}";
        try {
            return ActivityLogClient.event(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ActivityEventTable.Translation translate(ActivityEvent... events) {
        return ActivityEventTable.translate(Arrays.asList(events));
    }

    static List<IncomingMember> members(ActivityEventTable.Translation t) {
        return t.incoming().stream().filter(IncomingMember.class::isInstance).map(IncomingMember.class::cast).toList();
    }

    @Test
    void orgUserCreateMakesAnActiveMemberThatMayBeCreated() {
        ActivityEventTable.Translation t = translate(event(10, "org_user_create", "{\"permission\":\"member\"}", ADA));
        IncomingMember ada = members(t).get(0);
        assertEquals("ada@x.com", ada.email());
        assertEquals("101", ada.values().get(MemberField.FIGMA_USER_ID));
        assertEquals(MemberStatus.ACTIVE, ada.values().get(MemberField.STATUS));
        assertEquals(OrgRole.MEMBER, ada.values().get(MemberField.ORG_ROLE));
        assertEquals(false, ada.values().get(MemberField.FIGMA_ADMIN));
        assertEquals("Ada Park", ada.values().get(MemberField.NAME));
        assertEquals("Park", ada.values().get(MemberField.FAMILY_NAME));
        assertTrue(ada.createIfAbsent());
        assertEquals(1, t.applied());
    }

    @Test
    void orgUserDeleteRemovesFromEveryTeamAndNeverCreates() {
        IncomingMember ada = members(translate(event(10, "org_user_delete", "{\"permission\":\"member\"}", ADA))).get(0);
        assertEquals(MemberStatus.REMOVED, ada.values().get(MemberField.STATUS));
        assertEquals(List.of(TeamOperation.leaveAll()), ada.teamOperations());
        assertFalse(ada.createIfAbsent());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "org_user_permission_change, '{\"new_permission\":\"admin\"}', ORG_ROLE, ADMIN",
        "org_user_permission_change, '{\"permission\":\"Guest\"}', ORG_ROLE, GUEST",
        "org_user_account_type_change, '{\"old_seat_type\":\"collab\",\"new_seat_type\":\"full\"}', SEAT_TYPE, FULL",
        "org_user_account_type_change, '{\"new_seat_type\":\"Dev\"}', SEAT_TYPE, DEV",
    })
    void fieldEvents(String type, String details, MemberField field, String expected) {
        IncomingMember m = members(translate(event(10, type, details, ADA))).get(0);
        Object value = m.values().get(field);
        assertEquals(expected, ((Enum<?>) value).name());
        assertTrue(m.createIfAbsent(), "evidently in the organisation");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "org_user_account_type_change, null",
        "org_user_account_type_change, '{\"new_seat_type\":\"platinum\"}'",
        "org_user_permission_change, null",
        "org_user_permission_change, '{\"new_permission\":\"superuser\"}'",
    })
    void absentOrUnknownDetailsLeaveTheFieldAloneWithAWarning(String type, String details) {
        ActivityEventTable.Translation t = translate(event(10, type, details, ADA));
        IncomingMember m = members(t).get(0);
        assertNull(m.values().get(MemberField.SEAT_TYPE));
        assertNull(m.values().get(MemberField.ORG_ROLE));
        assertEquals(1, t.warnings().size(), t.warnings().toString());
    }

    @Test
    void aPageCollapsesToEachMembersNetEffect() {
        ActivityEventTable.Translation t = translate(
                event(10, "org_user_account_type_change", "{\"new_seat_type\":\"full\"}", ADA),
                event(20, "user_sign_in", "null", ADA),
                event(30, "org_user_account_type_change", "{\"new_seat_type\":\"collab\"}", ADA),
                // Same member by e-mail only: still one report.
                event(15, "user_sign_in", "null", "{\"type\":\"user\",\"email\":\"ADA@x.com\"}"));
        List<IncomingMember> members = members(t);
        assertEquals(1, members.size());
        assertEquals(SeatType.COLLAB, members.get(0).values().get(MemberField.SEAT_TYPE), "the last seat wins");
        assertEquals(Instant.ofEpochSecond(20), members.get(0).values().get(MemberField.LAST_SIGN_IN_AT), "the latest sign-in wins");
        assertTrue(members.get(0).createIfAbsent(), "a seat change may create the member, so the collapsed report may");
    }

    @Test
    void signInsComeFromTheActorWhenTheEntityIsNotAUser() {
        IncomingMember m = members(translate(event(50, "user_sign_in", "null", "{\"type\":\"org\",\"id\":\"1\"}"))).get(0);
        assertEquals("900", m.values().get(MemberField.FIGMA_USER_ID));
        assertEquals("admin@x.com", m.email());
        assertEquals(Instant.ofEpochSecond(50), m.values().get(MemberField.LAST_SIGN_IN_AT));
    }

    @Test
    void teamMembershipEventsBecomeOperationsOnTheTeamById() {
        String team = "{\"resource_type\":\"team\",\"resource_id_or_key\":\"77\",\"permission\":\"editor\"}";
        IncomingMember m = members(translate(
                event(10, "team_member_add", team, ADA),
                event(20, "team_member_permission_change", "{\"resource_type\":\"team\",\"resource_id_or_key\":\"77\","
                        + "\"permission\":\"admin\"}", ADA),
                event(30, "team_member_remove", "{\"resource_type\":\"team\",\"resource_id_or_key\":\"88\"}", ADA))).get(0);
        assertEquals(3, m.teamOperations().size());
        assertEquals(TeamOperation.Kind.ADD, m.teamOperations().get(0).kind());
        assertEquals("77", m.teamOperations().get(0).team().figmaTeamId());
        assertEquals(TeamRole.EDITOR, m.teamOperations().get(0).role());
        assertEquals(TeamRole.ADMIN, m.teamOperations().get(1).role());
        assertEquals(TeamOperation.Kind.REMOVE, m.teamOperations().get(2).kind());
    }

    @Test
    void theTeamMayComeFromTheContext() {
        ActivityEvent e = ActivityLogClient.event(tree("{\"id\":\"1\",\"timestamp\":5,\"action\":{\"type\":\"team_member_add\","
                + "\"details\":{\"permission\":\"viewer\"}},\"entity\":" + ADA + ",\"context\":{\"team_id\":\"55\"}}"));
        TeamOperation op = members(translate(e)).get(0).teamOperations().get(0);
        assertEquals("55", op.team().figmaTeamId());
        assertEquals(TeamRole.VIEWER, op.role());
    }

    @Test
    void teamLifecycleCollapsesAndOrdersCreatesFirstAndDeletesLast() {
        ActivityEventTable.Translation t = translate(
                event(5, "team_member_add", "{\"resource_id_or_key\":\"9\",\"permission\":\"owner\"}", ADA),
                event(6, "team_create", "null", "{\"type\":\"team\",\"id\":\"7\",\"name\":\"Web\"}"),
                event(7, "team_rename", "{\"old_name\":\"Web\",\"new_name\":\"Web App\"}",
                        "{\"type\":\"team\",\"id\":\"7\",\"name\":\"Web\"}"),
                event(8, "team_member_add", "{\"resource_id_or_key\":\"7\",\"permission\":\"viewer\"}", ADA),
                event(9, "team_delete", "null", "{\"type\":\"team\",\"id\":\"9\",\"name\":\"Old\"}"));
        List<Incoming> in = t.incoming();
        assertEquals(new IncomingTeam(IncomingTeam.Kind.RENAMED, "7", "Web App"), in.get(0));
        IncomingMember ada = (IncomingMember) in.get(1);
        assertEquals(1, ada.teamOperations().size(), "operations on a team deleted in the page are dropped");
        assertEquals("7", ada.teamOperations().get(0).team().figmaTeamId());
        assertEquals(new IncomingTeam(IncomingTeam.Kind.DELETED, "9", "Old"), in.get(in.size() - 1));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "saml_sso_auth_change, '{\"new_value\":true}', SSO_MODE, saml_required",
        "saml_sso_auth_change, '{\"enabled\":\"false\"}', SSO_MODE, none",
        "google_sso_auth_change, '{\"setting\":\"required\"}', SSO_MODE, google_required",
        "saml_sso_auth_change, null, SSO_MODE, unknown",
        "mfa_required_setting_change, '{\"required\":true}', MFA_REQUIRED, true",
        "mfa_required_setting_change, '{\"new_value\":\"disabled\"}', MFA_REQUIRED, false",
        "org_domain_capture_change, '{\"enabled\":1}', DOMAIN_CAPTURE, true",
        "org_guest_invite_setting_change, '{\"new_value\":\"Admins_Only\"}', GUEST_INVITE_POLICY, admins_only",
        "org_guest_invite_setting_change, null, GUEST_INVITE_POLICY, unknown",
    })
    void settingEvents(String type, String details, OrgSettingKey key, String value) {
        IncomingSetting s = (IncomingSetting) translate(event(1700000000, type, details, "{\"type\":\"org\",\"id\":\"1\"}"))
                .incoming().get(0);
        assertEquals(key, s.key());
        assertEquals(IncomingSetting.Op.SET, s.op());
        assertEquals(value, s.value());
        assertEquals(Instant.ofEpochSecond(1700000000), s.observedAt());
    }

    @Test
    void domainsAreItemsOfTheVerifiedList() {
        ActivityEventTable.Translation t = translate(
                event(1, "org_domain_verify", "{\"domain\":\"Example.com\"}", "{\"type\":\"org\",\"id\":\"1\"}"),
                event(2, "org_domain_verify", "null", "{\"type\":\"org_domain\",\"id\":\"3\",\"name\":\"example.org\"}"),
                event(3, "org_domain_remove", "{\"domain\":\"example.com\"}", "{\"type\":\"org\",\"id\":\"1\"}"));
        List<IncomingSetting> settings = t.incoming().stream().map(IncomingSetting.class::cast).toList();
        assertEquals(2, settings.size(), "one item's last operation counts");
        assertEquals(new IncomingSetting(OrgSettingKey.VERIFIED_DOMAINS, IncomingSetting.Op.ADD_ITEM, "example.org",
                Instant.ofEpochSecond(2)), settings.get(0));
        assertEquals(IncomingSetting.Op.REMOVE_ITEM, settings.get(1).op());
        assertEquals("example.com", settings.get(1).value());
    }

    @Test
    void unknownTypesAreCountedAndSkippedKnownIrrelevantOnesIgnored() {
        ActivityEventTable.Translation t = translate(
                event(1, "file_export", "null", "{\"type\":\"file\",\"key\":\"abc\"}"),
                event(2, "roster_exported", "null", "{\"type\":\"org\",\"id\":\"1\"}"),
                event(3, "brand_new_thing", "null", ADA),
                event(4, "brand_new_thing", "null", ADA),
                event(5, "user_sign_in", "null", ADA));
        assertEquals(1, t.applied());
        assertEquals(2, t.ignored());
        assertEquals(2, t.unknown());
        assertEquals(List.of("skipped activity-log events of unknown type brand_new_thing (2 times)"), t.warnings());
        assertEquals(1, t.incoming().size());
    }

    @Test
    void eventsWithoutAUserAreSkippedWithAWarning() {
        ActivityEventTable.Translation t = translate(event(1, "org_user_create", "null", "{\"type\":\"user\"}"),
                event(2, "org_user_delete", "null", "{\"type\":\"workspace\",\"id\":\"4\"}"));
        assertTrue(t.incoming().isEmpty());
        assertEquals(2, t.warnings().size(), t.warnings().toString());
    }

    @Test
    void theTableHandlesTheDocumentedIdentityEvents() {
        for (String type : List.of("org_user_create", "org_user_delete", "org_user_permission_change", "org_user_account_type_change",
                "team_create", "team_delete", "team_rename", "team_member_add", "team_member_remove", "team_member_permission_change",
                "user_sign_in", "saml_sso_auth_change", "google_sso_auth_change", "mfa_required_setting_change", "org_domain_verify",
                "org_domain_remove", "org_domain_capture_change", "org_guest_invite_setting_change")) {
            assertTrue(ActivityEventTable.handles(type), type);
        }
        assertFalse(ActivityEventTable.handles("file_export"));
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
