package dev.figmascim.bridge.source.figma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.MemberStatus;
import dev.figmascim.bridge.model.SeatType;
import dev.figmascim.bridge.model.TeamRole;
import dev.figmascim.bridge.reconcile.IncomingMember;
import dev.figmascim.bridge.reconcile.MassRemovalRefused;
import dev.figmascim.bridge.reconcile.MemberField;
import dev.figmascim.bridge.reconcile.ReconcileOptions;
import dev.figmascim.bridge.reconcile.Reconciler;
import dev.figmascim.bridge.reconcile.RunSummary;
import dev.figmascim.bridge.reconcile.TeamOperation;
import dev.figmascim.fakefigma.FakeFigma;
import dev.figmascim.fakefigma.Scenario;
import dev.figmascim.fakefigma.ScimGroupSpec;
import dev.figmascim.fakefigma.ScimUserSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Figma's SCIM users and groups as a snapshot: the mapping, managers by id, removal, the guard. */
class FigmaScimSnapshotTest {

    @RegisterExtension
    final NoTokenInLogs logs = new NoTokenInLogs();

    static ScimUserSpec.Builder user(String id, String email) {
        return ScimUserSpec.builder(id, email).name("User", id).seatType("Full");
    }

    static RunSummary pull(TestStore s, Scenario scenario, ReconcileOptions options) {
        try (FakeFigma fake = FakeFigma.start(scenario); FigmaScimClient client = new FigmaScimClient(FigmaTestSupport.settings(fake))) {
            return new Reconciler(s.store).run(new FigmaScimSnapshot(client, "Figma SCIM"), options);
        }
    }

    @Test
    void mapsAUserAsTheDocsSay() {
        FigmaScimSnapshot snapshot = new FigmaScimSnapshot(null, "x");
        IncomingMember in = snapshot.toIncoming(new FigmaScimUser("42", "Ada.Park@x.com", "ext-1", null, "Ada", "Park", "Lead", true,
                "collab", true, "E1", "4100", "Example", "Product", "Design", "7", null));
        assertEquals("Ada.Park@x.com", in.email());
        Map<MemberField, Object> v = in.values();
        assertEquals("42", v.get(MemberField.FIGMA_USER_ID));
        assertEquals("ext-1", v.get(MemberField.EXTERNAL_ID));
        assertEquals("Ada Park", v.get(MemberField.NAME));
        assertEquals(SeatType.COLLAB, v.get(MemberField.SEAT_TYPE));
        assertEquals(MemberStatus.ACTIVE, v.get(MemberField.STATUS));
        assertEquals(true, v.get(MemberField.FIGMA_ADMIN));
        assertEquals(true, v.get(MemberField.MANAGED_BY_IDP));
        assertEquals("4100", v.get(MemberField.COST_CENTER));
        assertEquals("7", in.managerFigmaUserId());
        assertFalse(v.containsKey(MemberField.MANAGER_EMAIL));
        assertFalse(v.containsKey(MemberField.ORG_ROLE), "SCIM says nothing of the org role");
        assertTrue(in.teamOperations().isEmpty());

        IncomingMember removed = snapshot.toIncoming(new FigmaScimUser("43", null, null, null, null, null, null, false, "Gold", null,
                null, null, null, null, null, "boss@x.com", "b@x.com"));
        assertEquals("b@x.com", removed.email(), "no userName: the primary e-mail");
        assertEquals(MemberStatus.REMOVED, removed.values().get(MemberField.STATUS));
        assertEquals(List.of(TeamOperation.leaveAll()), removed.teamOperations());
        assertEquals("boss@x.com", removed.values().get(MemberField.MANAGER_EMAIL), "a manager given as an e-mail is taken as it is");
        assertFalse(removed.values().containsKey(MemberField.SEAT_TYPE));
        assertFalse(removed.values().containsKey(MemberField.NAME), "no name sent: none reported, none guessed");
        assertFalse(removed.values().containsKey(MemberField.TITLE), "absent attributes are not reported, so never cleared");
        assertEquals(List.of("unknown seat type 'Gold' from Figma's SCIM API: seat left unchanged"), snapshot.warnings());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void managersNamedByIdAreResolvedToTheirEmailWhereverTheyAreListed(String kind) {
        Scenario scenario = FigmaTestSupport.scenario()
                .user(user("1", "a@x.com").enterprise("manager", "3").build())
                .user(user("2", "b@x.com").enterprise("manager", "1").seatType("Platinum").build())
                .user(user("3", "c@x.com").active(false).build())
                .user(user("4", "d@x.com").enterprise("manager", "999").build())
                .group(ScimGroupSpec.of("g1", "Product", null, List.of("1", "2", "3")))
                .build();
        try (TestStore s = TestStore.open(kind)) {
            RunSummary first = pull(s, scenario, ReconcileOptions.defaults());
            assertEquals(4, first.added());
            assertEquals("c@x.com", s.member("a@x.com").getManagerEmail(), "the manager came later in the pull");
            assertEquals("a@x.com", s.member("b@x.com").getManagerEmail());
            assertEquals(s.member("a@x.com").id().toString(), s.member("b@x.com").getManagerId());
            assertNull(s.member("d@x.com").getManagerEmail(), "an id that is no user stays unreported");
            assertEquals(SeatType.UNKNOWN, s.member("b@x.com").getSeatType());
            assertEquals(List.of("unknown seat type 'Platinum' from Figma's SCIM API: seat left unchanged"), first.warnings());
            assertEquals(MemberStatus.REMOVED, s.member("c@x.com").getStatus(), "Figma lists removed users with active:false");
            assertEquals(Map.of("Product", TeamRole.UNKNOWN), s.teamsOf("a@x.com"));
            assertTrue(s.teamsOf("c@x.com").isEmpty(), "a removed user is in no workspace, whatever the group lists");

            long events = s.events();
            RunSummary again = pull(s, scenario, ReconcileOptions.defaults());
            assertEquals(0, again.changeEvents());
            assertEquals(4, again.unchanged());
            assertEquals(events, s.events());
        }
    }

    @Test
    void aManagerResolvedAtTheEndMakesAnUnchangedMemberUpdated() {
        try (TestStore s = TestStore.open("h2")) {
            pull(s, FigmaTestSupport.scenario().user(user("2", "b@x.com").build()).build(), ReconcileOptions.defaults());
            RunSummary s2 = pull(s, FigmaTestSupport.scenario().user(user("2", "b@x.com").enterprise("manager", "1").build())
                    .user(user("1", "a@x.com").build()).build(), ReconcileOptions.defaults());
            assertEquals(1, s2.added());
            assertEquals(1, s2.updated());
            assertEquals(0, s2.unchanged());
            assertEquals("a@x.com", s.member("b@x.com").getManagerEmail());
        }
    }

    @Test
    void managedMembersThatVanishAreRemovedBehindTheGuardOthersNever() {
        try (TestStore s = TestStore.open("h2")) {
            s.reconcileCsv(TestStore.sampleCsv());
            Scenario small = FigmaTestSupport.builtin("small");
            pull(s, small, ReconcileOptions.defaults());
            // Three of nine provisioned users gone from the pull: 33 % > 20 %.
            List<ScimUserSpec> six = small.users().subList(0, 6);
            Scenario fewer = new Scenario(small.tenantId(), small.scimToken(), small.apiToken(), small.me(), six, small.groups(),
                    small.events());
            String before = s.digest(true);
            MassRemovalRefused refused = assertThrows(MassRemovalRefused.class, () -> pull(s, fewer, ReconcileOptions.defaults()));
            assertEquals(3, refused.wouldRemove());
            assertEquals(9, refused.inScope(), "only members Figma's SCIM can see are in scope");
            assertEquals(before, s.digest(true));

            RunSummary forced = pull(s, fewer, new ReconcileOptions(false, true, 0.2, null));
            assertEquals(3, forced.removed());
            Member jonas = s.member("jonas.weber@example.com");
            assertEquals(MemberStatus.REMOVED, jonas.getStatus());
            assertEquals(MemberStatus.ACTIVE, s.member("hugo.bernard@agency-partner.example.net").getStatus(),
                    "the guest Figma's SCIM never listed is not its to remove");
        }
    }

    @Test
    void theQuirksScenarioReconciles() {
        try (TestStore s = TestStore.open("h2")) {
            RunSummary r = pull(s, FigmaTestSupport.builtin("quirks"), ReconcileOptions.defaults());
            assertTrue(r.added() > 0);
            RunSummary again = pull(s, FigmaTestSupport.builtin("quirks"), ReconcileOptions.defaults());
            assertEquals(0, again.changeEvents(), again.changes().toString());
        }
    }

    @Test
    void sourcesRefuseWhatIsNotConfigured() {
        try (TestStore s = TestStore.open("h2")) {
            FigmaSources none = new FigmaSources(s.store, FigmaClientSettings.of(FigmaClientSettings.DEFAULT_API_URL, null, null, null),
                    new FigmaSyncSettings(null, 1000, null, null, Duration.ZERO));
            SourceNotConfigured scim = assertThrows(SourceNotConfigured.class, () -> none.reconcileScim(ReconcileOptions.defaults()));
            assertTrue(scim.getMessage().contains("figma.scim.url"), scim.getMessage());
            SourceNotConfigured log = assertThrows(SourceNotConfigured.class, () -> none.syncActivityLog(ReconcileOptions.defaults()));
            assertTrue(log.getMessage().contains("FIGMA_API_TOKEN"), log.getMessage());
            assertEquals(0, s.events());
        }
    }
}
