package dev.figmascim.bridge.source.figma;

import static dev.figmascim.bridge.source.figma.FigmaEvents.event;
import static dev.figmascim.bridge.source.figma.FigmaEvents.org;
import static dev.figmascim.bridge.source.figma.FigmaEvents.user;
import static dev.figmascim.bridge.source.figma.FigmaTestSupport.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.MemberStatus;
import dev.figmascim.bridge.model.OrgRole;
import dev.figmascim.bridge.model.OrgSettingKey;
import dev.figmascim.bridge.model.SeatType;
import dev.figmascim.bridge.model.Source;
import dev.figmascim.bridge.model.TeamKind;
import dev.figmascim.bridge.model.TeamRole;
import dev.figmascim.bridge.reconcile.OrgSettings;
import dev.figmascim.bridge.reconcile.ReconcileOptions;
import dev.figmascim.bridge.reconcile.RunSummary;
import dev.figmascim.bridge.scim.ScimView;
import dev.figmascim.fakefigma.FakeFigma;
import dev.figmascim.fakefigma.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three sources end to end, over real HTTP against the fake Figma, on H2 and PostgreSQL: the reference member
 * CSV, Figma's SCIM API (the "small" scenario) and the activity log (its events plus identity, team and settings
 * events), merged by the precedence table and read back as the SCIM facade would serve them.
 */
class FigmaEndToEndTest {

    @RegisterExtension
    final NoTokenInLogs logs = new NoTokenInLogs();

    static final String DEV = "1187230044129871022";
    static final String FARID = "1089012345678901234";
    static final String BEN = "1134567890123456781";
    static final String MOBILE_TEAM = "1298765432109876543";
    static final long T = 1777050000L;

    /** The "small" scenario and eight more events, fifteen in all. */
    static Scenario scenario() {
        return FigmaEvents.withEvents(FigmaTestSupport.builtin("small"), List.of(
                event("8813001", T, "team_create", "null", "{\"type\":\"team\",\"id\":\"" + MOBILE_TEAM + "\",\"name\":\"Mobile\"}"),
                event("8813002", T + 100, "org_user_delete", "{\"permission\":\"member\"}",
                        user(FARID, "Farid Haddad", "farid.haddad@example.com")),
                event("8813003", T + 200, "saml_sso_auth_change", "{\"new_value\":true}", org()),
                event("8813004", T + 300, "org_domain_verify", "{\"domain\":\"example.com\"}", org()),
                event("8813005", T + 400, "some_future_event", "null", org()),
                event("8813006", T + 500, "org_user_permission_change", "{\"old_permission\":\"member\",\"new_permission\":\"admin\"}",
                        user(BEN, "Ben Okafor", "ben.okafor@example.com")),
                event("8813007", T + 600, "user_sign_in", "null", user(BEN, "Ben Okafor", "ben.okafor@example.com")),
                event("8813008", T + 700, "org_user_create", "{\"permission\":\"guest\"}",
                        user("1500000000000000001", "Kai Nakamura", "kai.nakamura@partner.example.net"))));
    }

    static FigmaSources sources(TestStore s, FakeFigma fake) {
        return new FigmaSources(s.store, settings(fake), new FigmaSyncSettings("2026-04-01T00:00:00Z", 3, null, null, Duration.ZERO));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void csvThenFigmaScimThenTheActivityLog(String kind) {
        try (TestStore s = TestStore.open(kind); FakeFigma fake = FakeFigma.start(scenario())) {
            FigmaSources figma = sources(s, fake);
            assertEquals(10, s.reconcileCsv(TestStore.sampleCsv()).added());

            // Figma's SCIM: the nine provisioned members (not the guest), their ids, workspaces and billing groups.
            RunSummary scim = figma.reconcileScim(ReconcileOptions.defaults());
            assertEquals(0, scim.added());
            assertEquals(9, scim.updated());
            assertEquals(0, scim.removed());
            Member ada = s.member("ada.park@example.com");
            assertEquals("1120553398001245567", ada.getFigmaUserId());
            assertEquals("00uADAPARK", ada.getExternalId());
            assertTrue(ada.isManagedByIdp());
            assertNotNull(ada.getFigmaScimSeenAt());
            Member hugo = s.member("hugo.bernard@agency-partner.example.net");
            assertFalse(hugo.isManagedByIdp(), "the guest is not provisioned through SCIM");
            assertNull(hugo.getFigmaUserId());
            assertEquals(TeamKind.WORKSPACE, s.team("Product").getKind());
            assertEquals(TeamKind.WORKSPACE, s.team("Marketing").getKind());
            assertEquals(TeamKind.BILLING_GROUP, s.team("Product Design").getKind());
            assertEquals(TeamKind.BILLING_GROUP, s.team("Engineering").getKind());
            assertEquals(TeamKind.BILLING_GROUP, s.team("Brand Design").getKind());
            assertEquals(Map.of("Design Systems", TeamRole.UNKNOWN, "Web App", TeamRole.UNKNOWN, "Product", TeamRole.UNKNOWN,
                    "Product Design", TeamRole.UNKNOWN), s.teamsOf("ada.park@example.com"), "teams from the CSV, groupings from SCIM");

            // Re-running either source, in any order, changes nothing: the sources agree and the rules are stable.
            long events = s.events();
            String state = s.digest(true);
            assertEquals(0, figma.reconcileScim(ReconcileOptions.defaults()).changeEvents());
            assertEquals(0, s.reconcileCsv(TestStore.sampleCsv()).changeEvents());
            assertEquals(0, figma.reconcileScim(ReconcileOptions.defaults()).changeEvents());
            assertEquals(events, s.events());
            assertEquals(state, s.digest(true), "no version, lastModified or seen time moved");

            // The activity log: fifteen events, five pages of three, each page a run that moves the cursor.
            List<RunSummary> pages = new ArrayList<>();
            ActivityLogSync.Result log = figma.syncActivityLog(ReconcileOptions.defaults(), pages::add);
            assertEquals(5, log.pages().size());
            assertEquals(pages, log.pages());
            assertEquals(15, log.events());
            assertEquals(FigmaEvents.cursorAfter("8813008", T + 700), s.cursor());
            assertTrue(log.pages().stream().flatMap(p -> p.warnings().stream())
                    .anyMatch(w -> w.equals("skipped activity-log events of unknown type some_future_event")), log.toString());
            assertTrue(log.pages().stream().allMatch(p -> p.source() == Source.ACTIVITY_LOG));

            checkMergedState(s);

            // Nothing new: one empty page, no change.
            long after = s.events();
            String merged = s.digest(true);
            ActivityLogSync.Result again = figma.syncActivityLog(ReconcileOptions.defaults());
            assertEquals(1, again.pages().size());
            assertEquals(0, again.events());
            assertEquals(0, again.changeEvents());
            assertEquals(after, s.events());
            assertEquals(merged, s.digest(true));
            assertEquals(FigmaEvents.cursorAfter("8813008", T + 700), s.cursor());
            List<dev.figmascim.fakefigma.RecordedRequest> reads = FigmaTestSupport.requestsTo(fake, "/v1/activity_logs");
            dev.figmascim.fakefigma.RecordedRequest last = reads.get(reads.size() - 1);
            assertEquals(FigmaEvents.cursorAfter("8813008", T + 700), last.queryParam("cursor"), "resumes from the stored cursor");
            assertNull(last.queryParam("start_time"), "with a cursor, no start_time");
            assertEquals(String.valueOf(Instant.parse("2026-04-01T00:00:00Z").getEpochSecond()), reads.get(0).queryParam("start_time"));
        }
    }

    /** The store after CSV, SCIM and the activity log, per the precedence table (docs/activity-log.md). */
    private static void checkMergedState(TestStore s) {
        // Dev's seat went full then back to collab on the log: the net effect is no change. Dev joined team
        // 1298… (unknown then: "Figma team 1298…"), which team_create later named Mobile, the CSV's Mobile: one team.
        Member dev = s.member("dev.shah@example.com");
        assertEquals(SeatType.COLLAB, dev.getSeatType());
        assertEquals(Map.of("Mobile", TeamRole.EDITOR, "Product", TeamRole.UNKNOWN), s.teamsOf("dev.shah@example.com"));
        assertEquals(MOBILE_TEAM, s.team("Mobile").getFigmaTeamId());
        assertNull(s.team("Figma team " + MOBILE_TEAM), "the placeholder merged into the CSV's team");
        assertEquals(Map.of("Mobile", TeamRole.UNKNOWN, "Design Systems", TeamRole.UNKNOWN, "Product", TeamRole.UNKNOWN,
                "Product Design", TeamRole.UNKNOWN), s.teamsOf("chloe.martin@example.com"));

        Member farid = s.member("farid.haddad@example.com");
        assertEquals(MemberStatus.REMOVED, farid.getStatus());
        assertTrue(s.teamsOf("farid.haddad@example.com").isEmpty(), "out of the team, the workspace and the billing group");

        // The log changes the org role (latest wins); figmaAdmin is Figma SCIM's and SCIM said false.
        Member ben = s.member("ben.okafor@example.com");
        assertEquals(OrgRole.ADMIN, ben.getOrgRole());
        assertFalse(ben.isFigmaAdmin());
        assertEquals(Instant.ofEpochSecond(T + 600), ben.getLastSignInAt());
        assertEquals(Instant.parse("2026-04-28T00:00:00Z"), ben.getLastActiveAt(), "the CSV's last active stays");
        assertEquals(Instant.ofEpochSecond(1777018800L), s.member("ada.park@example.com").getLastSignInAt());

        Member kai = s.member("kai.nakamura@partner.example.net");
        assertEquals(OrgRole.GUEST, kai.getOrgRole());
        assertEquals("Kai Nakamura", kai.getName());
        assertEquals("1500000000000000001", kai.getFigmaUserId());
        assertFalse(kai.isManagedByIdp());
        assertNotNull(kai.getActivitySeenAt());

        Member jonas = s.member("jonas.weber@example.com");
        assertEquals(MemberStatus.ACTIVE, jonas.getStatus());
        assertEquals(OrgRole.MEMBER, jonas.getOrgRole());
        assertEquals(Map.of("Brand", TeamRole.UNKNOWN, "Marketing", TeamRole.UNKNOWN), s.teamsOf("elena.rossi@example.com"),
                "removing Elena from a team she is not in changes nothing");

        Map<OrgSettingKey, OrgSettings.Current> settings = OrgSettings.read(s.store);
        assertEquals(OrgSettings.SSO_SAML, settings.get(OrgSettingKey.SSO_MODE).value());
        assertEquals(Source.ACTIVITY_LOG, settings.get(OrgSettingKey.SSO_MODE).source());
        assertEquals(Instant.ofEpochSecond(T + 200), settings.get(OrgSettingKey.SSO_MODE).confirmedAt());
        assertEquals("example.com", settings.get(OrgSettingKey.VERIFIED_DOMAINS).value());
        assertFalse(settings.get(OrgSettingKey.MFA_REQUIRED).known());

        checkScimView(s);
    }

    /** What a SCIM client reads. */
    private static void checkScimView(TestStore s) {
        ObjectNode devUser = ScimView.user(s.store, "dev.shah@example.com");
        assertEquals(DEV, devUser.at("/urn:figma-scim-bridge:schemas:extension:figma:2.0:User/figmaUserId").asText());
        assertEquals("Collab", role(devUser, "seatType"));
        assertEquals("PM", devUser.at("/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User/department").asText());
        JsonNode teams = devUser.at("/urn:figma-scim-bridge:schemas:extension:figma:2.0:User/teams");
        boolean mobileEditor = false;
        for (JsonNode t : teams) {
            mobileEditor |= "Mobile".equals(t.path("display").asText()) && "Editor".equals(t.path("role").asText());
        }
        assertTrue(mobileEditor, teams.toString());
        List<String> sources = new ArrayList<>();
        devUser.at("/urn:figma-scim-bridge:schemas:extension:figma:2.0:User/sources").forEach(n -> sources.add(n.path("name").asText()));
        assertEquals(List.of("Csv", "FigmaScim", "ActivityLog"), sources);

        ObjectNode chloe = ScimView.user(s.store, "chloe.martin@example.com");
        assertEquals(s.member("ada.park@example.com").id().toString(),
                chloe.at("/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User/manager/value").asText(),
                "the manager's e-mail (from SCIM and the CSV alike) links to the manager's member");
        assertFalse(ScimView.user(s.store, "farid.haddad@example.com").path("active").asBoolean());
        assertTrue(ScimView.user(s.store, "ada.park@example.com")
                .at("/urn:ietf:params:scim:schemas:extension:figma:enterprise:2.0:User/figmaAdmin").asBoolean());

        ObjectNode billing = ScimView.group(s.store, "Product Design");
        assertEquals("BillingGroup", billing.at("/urn:figma-scim-bridge:schemas:extension:figma:2.0:Group/kind").asText());
        assertEquals("1410000000000000003", billing.at("/urn:figma-scim-bridge:schemas:extension:figma:2.0:Group/figmaTeamId").asText());
        assertEquals(2, billing.path("members").size());
    }

    private static String role(JsonNode user, String type) {
        for (JsonNode r : user.path("roles")) {
            if (type.equals(r.path("type").asText())) {
                return r.path("value").asText();
            }
        }
        return null;
    }
}
