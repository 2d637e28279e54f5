package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.ChangeEvent;
import dev.figmascim.bridge.model.EntityType;
import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.MemberStatus;
import dev.figmascim.bridge.model.OrgSetting;
import dev.figmascim.bridge.model.OrgSettingKey;
import dev.figmascim.bridge.model.ReconciliationRun;
import dev.figmascim.bridge.model.RunStatus;
import dev.figmascim.bridge.model.SeatType;
import dev.figmascim.bridge.model.Source;
import dev.figmascim.bridge.model.SourceCursor;
import dev.figmascim.bridge.model.Team;
import dev.figmascim.bridge.model.TeamKind;
import dev.figmascim.bridge.model.TeamRole;
import dev.figmascim.bridge.scim.ScimView;
import dev.figmascim.bridge.store.Store;
import dev.figmascim.bridge.store.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's extensions on a real store: incremental team operations, team lifecycle, workspaces and billing
 * groups with full member lists, organisation settings and the source cursor; each change a ChangeEvent, a repeat
 * none.
 */
class IncrementalChangesTest {

    private static final Instant T1 = Instant.parse("2026-11-01T00:00:00Z");

    private TestDatabase db;
    private Store store;

    void open(String kind) {
        db = TestDatabase.create(kind);
        store = Store.open(db.settings());
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
        if (db != null) {
            db.close();
        }
    }

    RunSummary run(Snapshot snapshot) {
        return new Reconciler(store).run(snapshot, ReconcileOptions.defaults());
    }

    RunSummary run(Source source, Incoming... items) {
        return run(new ScriptedSnapshot(source, items));
    }

    static IncomingMember event(String email, String figmaId, List<TeamOperation> ops, boolean create) {
        Map<MemberField, Object> values = new HashMap<>();
        if (figmaId != null) {
            values.put(MemberField.FIGMA_USER_ID, figmaId);
        }
        return new IncomingMember(email, values, null, ops, null, create);
    }

    static IncomingMember scim(String email, String figmaId) {
        return new IncomingMember(email, Map.of(MemberField.FIGMA_USER_ID, figmaId, MemberField.MANAGED_BY_IDP, true), null);
    }

    Member member(String email) {
        return StoreQueries.member(store, email);
    }

    Map<String, TeamRole> teamsOf(String email) {
        return StoreQueries.teamsOf(store, email);
    }

    Team team(String name) {
        return StoreQueries.team(store, name);
    }

    long teams() {
        return store.read(em -> em.createQuery("select count(t) from Team t", Long.class).getSingleResult());
    }

    long events() {
        return StoreQueries.events(store);
    }

    /**
     * New members are inserted in bulk at the end of their chunk; a person reported twice in one chunk
     * (Figma's SCIM under an old and a new e-mail) must still end as one member with the later e-mail,
     * the teams of the last report, and one history.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aNewMemberReportedTwiceInOneChunkIsOneMember(String kind) {
        open(kind);
        List<IncomingMember.TeamAssignment> web = List.of(new IncomingMember.TeamAssignment("Web", TeamRole.EDITOR));
        List<IncomingMember.TeamAssignment> mobile = List.of(new IncomingMember.TeamAssignment("Mobile", TeamRole.VIEWER));
        RunSummary summary = run(new ScriptedSnapshot(Source.FIGMA_SCIM,
                new IncomingMember("old@x.com", Map.of(MemberField.FIGMA_USER_ID, "7"), web),
                new IncomingMember("ben@x.com", Map.of(MemberField.FIGMA_USER_ID, "8"), web),
                new IncomingMember("new@x.com", Map.of(MemberField.FIGMA_USER_ID, "7", MemberField.TITLE, "Lead"), mobile))
                .reportingTeams());
        assertEquals(2, summary.added());
        assertNull(member("old@x.com"));
        Member moved = member("new@x.com");
        assertEquals("7", moved.getFigmaUserId());
        assertEquals("Lead", moved.getTitle());
        assertEquals(Map.of("Mobile", TeamRole.VIEWER), teamsOf("new@x.com"));
        assertEquals(Map.of("Web", TeamRole.EDITOR), teamsOf("ben@x.com"));
        long history = store.read(em -> em.createQuery("select count(e) from ChangeEvent e where e.entityId = :id", Long.class)
                .setParameter("id", moved.id()).getSingleResult());
        // created, joined Web, e-mail, title, joined Mobile, left Web
        assertEquals(6, history);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void teamOperationsApplyWithoutTeamListsAndOnlyOnce(String kind) {
        open(kind);
        RunSummary first = run(Source.ACTIVITY_LOG, event("ada@x.com", "1", List.of(
                TeamOperation.add(TeamRef.byId("77"), TeamRole.EDITOR),
                TeamOperation.add(TeamRef.byName("Design"), TeamRole.VIEWER),
                TeamOperation.roleChange(TeamRef.byId("88"), TeamRole.ADMIN),
                TeamOperation.remove(TeamRef.byId("99"))), true));
        assertEquals(1, first.added());
        assertEquals(Map.of("Figma team 77", TeamRole.EDITOR, "Design", TeamRole.VIEWER, "Figma team 88", TeamRole.ADMIN),
                teamsOf("ada@x.com"), "a role change for a team the member is not in adds the member");
        assertEquals("77", team("Figma team 77").getFigmaTeamId());
        assertEquals(3, teams(), "removing from an unknown team creates none");
        Member before = member("ada@x.com");
        long eventsBefore = events();

        RunSummary again = run(Source.ACTIVITY_LOG, event("ada@x.com", "1", List.of(
                TeamOperation.add(TeamRef.byId("77"), TeamRole.EDITOR),
                TeamOperation.add(TeamRef.byName("Design"), TeamRole.VIEWER),
                TeamOperation.roleChange(TeamRef.byId("88"), TeamRole.ADMIN),
                TeamOperation.remove(TeamRef.byId("99"))), true));
        assertEquals(0, again.changeEvents());
        assertEquals(1, again.unchanged());
        assertEquals(eventsBefore, events());
        assertEquals(before.getVersion(), member("ada@x.com").getVersion());

        // By id alone (no e-mail): the member is found; UNKNOWN keeps a role; the last operation per team counts.
        RunSummary changed = run(Source.ACTIVITY_LOG, event(null, "1", List.of(
                TeamOperation.add(TeamRef.byId("77"), TeamRole.UNKNOWN),
                TeamOperation.remove(TeamRef.byName("Design")),
                TeamOperation.add(TeamRef.byName("Design"), TeamRole.OWNER),
                TeamOperation.remove(TeamRef.byName("design"))), false));
        assertEquals(1, changed.updated());
        assertEquals(Map.of("Figma team 77", TeamRole.EDITOR, "Figma team 88", TeamRole.ADMIN), teamsOf("ada@x.com"));
        assertEquals(1, changed.changeEvents(), "one membership removed");
        assertTrue(member("ada@x.com").getVersion() > before.getVersion(), "the user's groups changed, so its version moved");

        // Removed from the organisation and re-added to one team in the same batch: in that team only.
        List<TeamOperation> leave = List.of(TeamOperation.leaveAll(), TeamOperation.add(TeamRef.byId("88"), TeamRole.ADMIN));
        RunSummary left = run(Source.ACTIVITY_LOG, event("ada@x.com", "1", leave, false));
        assertEquals(Map.of("Figma team 88", TeamRole.ADMIN), teamsOf("ada@x.com"));
        assertEquals(1, left.changeEvents());
        assertEquals(0, run(Source.ACTIVITY_LOG, event("ada@x.com", "1", leave, false)).changeEvents());
    }

    @Test
    void eventsNeverCreateWhenTheyMustNotAndNeverChangeEmails() {
        open("h2");
        RunSummary skipped = run(Source.ACTIVITY_LOG, event("ghost@x.com", "5", List.of(TeamOperation.leaveAll()), false),
                event(null, "6", List.of(), true));
        assertEquals(0, skipped.added());
        assertNull(member("ghost@x.com"));
        assertEquals(List.of("skipped reports about members the store does not have (2 times)"), skipped.warnings());

        run(Source.FIGMA_SCIM, scim("ada@x.com", "1"));
        // An event's e-mail may be older than the store's: matched by id, the e-mail stays.
        run(Source.ACTIVITY_LOG, event("ada.old@x.com", "1", List.of(), true));
        assertNotNull(member("ada@x.com"));
        assertNull(member("ada.old@x.com"));
        // Figma's SCIM owns the e-mail of a Figma user.
        run(Source.FIGMA_SCIM, scim("ada.park@x.com", "1"));
        assertNotNull(member("ada.park@x.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void teamLifecycleNamesMergesRenamesAndDeletes(String kind) {
        open(kind);
        run(new ScriptedSnapshot(Source.CSV, new IncomingMember("ben@x.com", Map.of(),
                List.of(new IncomingMember.TeamAssignment("Mobile", TeamRole.VIEWER)))).reportingTeams());
        run(Source.ACTIVITY_LOG, event("ada@x.com", "1", List.of(TeamOperation.add(TeamRef.byId("5"), TeamRole.EDITOR)), true));
        assertEquals(2, teams(), "the CSV's Mobile and the activity log's team 5 are not known to be one yet");

        // team_create names team 5 "Mobile", which the CSV knew without its id: they merge.
        RunSummary merged = run(Source.ACTIVITY_LOG, new IncomingTeam(IncomingTeam.Kind.CREATED, "5", "Mobile"));
        assertEquals(1, teams());
        Team mobile = team("Mobile");
        assertEquals("5", mobile.getFigmaTeamId());
        assertEquals(Map.of("Mobile", TeamRole.EDITOR), teamsOf("ada@x.com"));
        assertEquals(Map.of("Mobile", TeamRole.VIEWER), teamsOf("ben@x.com"));
        assertTrue(merged.changes().stream().anyMatch(l -> l.contains("team:Figma team 5: EDITOR → ∅")), merged.changes().toString());
        assertEquals(0, run(Source.ACTIVITY_LOG, new IncomingTeam(IncomingTeam.Kind.CREATED, "5", "Mobile")).changeEvents());

        Member adaBefore = member("ada@x.com");
        RunSummary renamed = run(Source.ACTIVITY_LOG, new IncomingTeam(IncomingTeam.Kind.RENAMED, "5", "Mobile App"));
        assertEquals(1, renamed.changeEvents());
        assertEquals(mobile.id(), team("Mobile App").id(), "a rename keeps the team (and its SCIM id)");
        assertTrue(team("Mobile App").getVersion() > mobile.getVersion());
        // Ada's User shows the team's name (groups.display): it changed, so must its version (ETag) and lastModified.
        Member adaAfter = member("ada@x.com");
        assertEquals(adaBefore.getVersion() + 1, adaAfter.getVersion());
        assertTrue(adaAfter.getLastModified().isAfter(adaBefore.getLastModified()));
        assertEquals("Mobile App", ScimView.user(store, "ada@x.com").get("groups").get(0).get("display").asText());
        assertEquals(0, run(Source.ACTIVITY_LOG, new IncomingTeam(IncomingTeam.Kind.RENAMED, "5", "Mobile App")).changeEvents());
        assertEquals(adaAfter.getVersion(), member("ada@x.com").getVersion(), "no rename, no new version");

        // Ada's new name is part of the Group of her team (members.display): its version moves, once.
        Team beforeAdaRenamed = team("Mobile App");
        run(Source.FIGMA_SCIM, new IncomingMember("ada@x.com", Map.of(MemberField.FIGMA_USER_ID, "1", MemberField.NAME, "Ada Lovelace",
                MemberField.GIVEN_NAME, "Ada", MemberField.FAMILY_NAME, "Lovelace"), null));
        assertEquals(beforeAdaRenamed.getVersion() + 1, team("Mobile App").getVersion());
        assertTrue(ScimView.group(store, "Mobile App").toString().contains("Ada Lovelace"));
        run(Source.FIGMA_SCIM, new IncomingMember("ada@x.com", Map.of(MemberField.FIGMA_USER_ID, "1", MemberField.NAME, "Ada Lovelace",
                MemberField.GIVEN_NAME, "Ada", MemberField.FAMILY_NAME, "Lovelace"), null));
        assertEquals(beforeAdaRenamed.getVersion() + 1, team("Mobile App").getVersion(), "no new name, no new version");

        // Another Figma team with a name already taken gets its id added to the name.
        run(Source.ACTIVITY_LOG, new IncomingTeam(IncomingTeam.Kind.CREATED, "6", "Mobile App"));
        assertEquals("6", team("Mobile App (6)").getFigmaTeamId());

        RunSummary deleted = run(Source.ACTIVITY_LOG, new IncomingTeam(IncomingTeam.Kind.DELETED, "5", null));
        assertNull(team("Mobile App"));
        assertTrue(teamsOf("ada@x.com").isEmpty());
        assertTrue(teamsOf("ben@x.com").isEmpty());
        assertEquals(3, deleted.changeEvents(), "two memberships and the team");
        assertEquals(0, run(Source.ACTIVITY_LOG, new IncomingTeam(IncomingTeam.Kind.DELETED, "5", null)).changeEvents());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void groupingsAreWorkspacesOrBillingGroupsWithTheirFullMemberLists(String kind) {
        open(kind);
        run(Source.CSV, new IncomingMember("ada@x.com", Map.of(MemberField.WORKSPACE, "Product", MemberField.BILLING_GROUP,
                "Product Design"), null), new IncomingMember("ben@x.com", Map.of(MemberField.WORKSPACE, "Product"), null));
        run(Source.FIGMA_SCIM, scim("ada@x.com", "1"), scim("ben@x.com", "2"), scim("cy@x.com", "3"));
        Consumer<List<Incoming>> scimRun = items -> run(new ScriptedSnapshot(Source.FIGMA_SCIM, items.toArray(Incoming[]::new))
                .reportingGroupings());
        List<Incoming> groups = List.of(
                new IncomingGrouping(null, "g1", "Product", List.of("1", "2")),
                new IncomingGrouping(null, "g2", "Product Design", List.of("1")),
                new IncomingGrouping(null, "g3", "Other", List.of("3", "404")));
        RunSummary first = new Reconciler(store).run(new ScriptedSnapshot(Source.FIGMA_SCIM, groups.toArray(Incoming[]::new))
                .reportingGroupings(), ReconcileOptions.defaults());
        assertEquals(TeamKind.WORKSPACE, team("Product").getKind());
        assertEquals(TeamKind.BILLING_GROUP, team("Product Design").getKind(), "the members' billing group has its name");
        assertEquals(TeamKind.WORKSPACE, team("Other").getKind(), "neither: a workspace");
        assertEquals("g2", team("Product Design").getFigmaTeamId());
        assertEquals(Map.of("Product", TeamRole.UNKNOWN, "Product Design", TeamRole.UNKNOWN), teamsOf("ada@x.com"));
        assertEquals(List.of("Figma SCIM group Other lists 1 user id(s) Figma's SCIM did not list"), first.warnings());
        assertTrue(first.changes().contains("ada@x.com billingGroup:Product Design: ∅ → UNKNOWN"), first.changes().toString());

        long events = events();
        scimRun.accept(groups);
        assertEquals(events, events(), "the same groups again change nothing");

        // Ben leaves Product, Product Design and Other are gone.
        scimRun.accept(List.of(new IncomingGrouping(null, "g1", "Product", List.of("1"))));
        assertEquals(Map.of("Product", TeamRole.UNKNOWN), teamsOf("ada@x.com"));
        assertTrue(teamsOf("ben@x.com").isEmpty());
        assertNull(team("Product Design"));
        assertNull(team("Other"));

        // A workspace found to be a billing group keeps its id; a renamed group keeps its id too.
        UUID productId = team("Product").id();
        run(Source.CSV, new IncomingMember("ben@x.com", Map.of(MemberField.WORKSPACE, "Engineering", MemberField.BILLING_GROUP,
                "Product"), null), new IncomingMember("ada@x.com", Map.of(MemberField.WORKSPACE, "Design", MemberField.BILLING_GROUP,
                "Product"), null));
        scimRun.accept(List.of(new IncomingGrouping(null, "g1", "Product", List.of("1"))));
        assertEquals(TeamKind.BILLING_GROUP, team("Product").getKind());
        assertEquals(productId, team("Product").id());
        scimRun.accept(List.of(new IncomingGrouping(null, "g1", "Product Org", List.of("1"))));
        assertEquals(productId, team("Product Org").id());
        assertEquals(TeamKind.BILLING_GROUP, team("Product Org").getKind(), "no evidence either way: it stays what it was");
    }

    @Test
    void removedMembersAreInNoGrouping() {
        open("h2");
        run(Source.FIGMA_SCIM, scim("ada@x.com", "1"), new IncomingMember("ben@x.com", Map.of(MemberField.FIGMA_USER_ID, "2",
                MemberField.STATUS, MemberStatus.REMOVED), null));
        run(new ScriptedSnapshot(Source.FIGMA_SCIM, new IncomingGrouping(TeamKind.WORKSPACE, "g1", "Product", List.of("1", "2")))
                .reportingGroupings());
        assertEquals(Map.of("Product", TeamRole.UNKNOWN), teamsOf("ada@x.com"));
        assertTrue(teamsOf("ben@x.com").isEmpty());
    }

    @Test
    void settingsAreRecordedWhenTheyChange() {
        open("h2");
        RunSummary first = run(Source.ACTIVITY_LOG, IncomingSetting.set(OrgSettingKey.SSO_MODE, OrgSettings.SSO_SAML, T1),
                new IncomingSetting(OrgSettingKey.VERIFIED_DOMAINS, IncomingSetting.Op.ADD_ITEM, "b.com", T1),
                new IncomingSetting(OrgSettingKey.VERIFIED_DOMAINS, IncomingSetting.Op.ADD_ITEM, "a.com", T1.plusSeconds(1)));
        assertEquals(3, first.changeEvents());
        OrgSettings.Current sso = OrgSettings.read(store).get(OrgSettingKey.SSO_MODE);
        assertEquals(OrgSettings.SSO_SAML, sso.value());
        assertEquals(Source.ACTIVITY_LOG, sso.source());
        assertEquals(T1, sso.confirmedAt());
        assertEquals("a.com,b.com", OrgSettings.read(store).get(OrgSettingKey.VERIFIED_DOMAINS).value());
        assertEquals(OrgSettings.UNKNOWN, OrgSettings.read(store).get(OrgSettingKey.MFA_REQUIRED).value());
        assertFalse(OrgSettings.read(store).get(OrgSettingKey.MFA_REQUIRED).known());
        ChangeEvent e = store.read(em -> em.createQuery("select e from ChangeEvent e where e.entityKey = 'SSO_MODE'",
                ChangeEvent.class).getSingleResult());
        assertEquals(EntityType.SETTING, e.getEntityType());
        assertNull(e.getOldValue());
        assertEquals(OrgSettings.SSO_SAML, e.getNewValue());

        assertEquals(0, run(Source.ACTIVITY_LOG, IncomingSetting.set(OrgSettingKey.SSO_MODE, OrgSettings.SSO_SAML, T1)).changeEvents());
        // The same value confirmed later: no change, a newer confirmation.
        assertEquals(0, run(Source.ACTIVITY_LOG, IncomingSetting.set(OrgSettingKey.SSO_MODE, OrgSettings.SSO_SAML,
                T1.plusSeconds(60))).changeEvents());
        assertEquals(T1.plusSeconds(60), OrgSettings.read(store).get(OrgSettingKey.SSO_MODE).confirmedAt());
        // An older declaration loses; a newer one wins.
        assertEquals(0, run(Source.DECLARED, IncomingSetting.set(OrgSettingKey.SSO_MODE, OrgSettings.SSO_NONE, T1)).changeEvents());
        RunSummary declared = run(Source.DECLARED, IncomingSetting.set(OrgSettingKey.SSO_MODE, OrgSettings.SSO_NONE,
                T1.plusSeconds(120)));
        assertEquals(List.of("SSO_MODE value: saml_required → none"), declared.changes());
        OrgSetting row = store.read(em -> em.find(OrgSetting.class, OrgSettingKey.SSO_MODE));
        assertEquals(Source.DECLARED, row.getSource());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theCursorCommitsWithTheChangesItProduced(String kind) {
        open(kind);
        RunSummary first = run(new ScriptedSnapshot(Source.ACTIVITY_LOG, event("ada@x.com", "1", List.of(), true))
                .movingCursor(null, "c1"));
        SourceCursor cursor = store.read(em -> em.find(SourceCursor.class, Source.ACTIVITY_LOG));
        assertEquals("c1", cursor.getCursorValue());
        assertEquals(first.runId(), cursor.getRunId());

        // A batch read from a position another run has moved past: refused, nothing written, no failed run.
        assertThrows(CursorMoved.class, () -> run(new ScriptedSnapshot(Source.ACTIVITY_LOG,
                event("ben@x.com", "2", List.of(), true)).movingCursor(null, "c1")));
        assertNull(member("ben@x.com"));
        assertEquals(0L, (long) store.read(em -> em.createQuery("select count(r) from ReconciliationRun r where r.status = :s",
                Long.class).setParameter("s", RunStatus.FAILED).getSingleResult()));

        // A dry run moves nothing.
        new Reconciler(store).run(new ScriptedSnapshot(Source.ACTIVITY_LOG, event("ben@x.com", "2", List.of(), true))
                .movingCursor("c1", "c2"), new ReconcileOptions(true, false, 0.2, null));
        assertEquals("c1", store.read(em -> em.find(SourceCursor.class, Source.ACTIVITY_LOG)).getCursorValue());

        // A batch that fails half-way keeps neither its changes nor its cursor.
        Snapshot breaking = new ScriptedSnapshot(Source.ACTIVITY_LOG, event("ben@x.com", "2", List.of(), true)) {
            @Override
            public void forEachIncoming(Consumer<? super Incoming> sink) {
                super.forEachIncoming(sink);
                throw new IllegalStateException("the page broke off");
            }
        }.movingCursor("c1", "c2");
        assertThrows(IllegalStateException.class, () -> run(breaking));
        assertNull(member("ben@x.com"));
        assertEquals("c1", store.read(em -> em.find(SourceCursor.class, Source.ACTIVITY_LOG)).getCursorValue());
        ReconciliationRun failed = store.read(em -> em.createQuery("select r from ReconciliationRun r where r.status = :s",
                ReconciliationRun.class).setParameter("s", RunStatus.FAILED).getSingleResult());
        assertEquals("the page broke off", failed.getError());

        run(new ScriptedSnapshot(Source.ACTIVITY_LOG, event("ben@x.com", "2", List.of(), true)).movingCursor("c1", "c2"));
        assertEquals("c2", store.read(em -> em.find(SourceCursor.class, Source.ACTIVITY_LOG)).getCursorValue());
        assertNotNull(member("ben@x.com"));
        assertEquals(SeatType.UNKNOWN, member("ben@x.com").getSeatType());
    }
}
