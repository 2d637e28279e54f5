package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.ChangeEvent;
import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.MemberStatus;
import dev.figmascim.bridge.model.OrgRole;
import dev.figmascim.bridge.model.ReconciliationRun;
import dev.figmascim.bridge.model.RunStatus;
import dev.figmascim.bridge.model.SeatType;
import dev.figmascim.bridge.model.Source;
import dev.figmascim.bridge.model.Team;
import dev.figmascim.bridge.model.TeamMembership;
import dev.figmascim.bridge.model.TeamRole;
import dev.figmascim.bridge.source.csv.CsvSnapshot;
import dev.figmascim.bridge.store.Store;
import dev.figmascim.bridge.store.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSV path through the engine, end to end on a real store, on H2 and PostgreSQL. */
class CsvReconcileTest {

    /** A copy of ../shared/reference/sample-members.csv, so the test does not depend on the checkout layout. */
    static final Path SAMPLE = Path.of("src/test/resources/reconcile/sample-members.csv");
    static final String HEADER = "Name,Email,Role,Seat,Job Title,Department,Last Active,Teams,Manager\n";

    @TempDir
    Path dir;

    private TestDatabase db;
    private Store store;

    Store open(String kind) {
        db = TestDatabase.create(kind);
        store = Store.open(db.settings());
        return store;
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

    RunSummary reconcile(String csv) {
        return reconcile(csv, ReconcileOptions.defaults());
    }

    RunSummary reconcile(String csv, ReconcileOptions options) {
        try {
            Path file = Files.createTempFile(dir, "members", ".csv");
            Files.writeString(file, csv);
            return new Reconciler(store).run(new CsvSnapshot(file, "members.csv"), options);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String rows(String... rows) {
        return HEADER + String.join("\n", rows) + "\n";
    }

    /** u0@x.com … u9@x.com, "User 0" … "User 9", each a viewer in Team A. */
    static String tenMembersOfTeamA() {
        StringBuilder ten = new StringBuilder(HEADER);
        for (int i = 0; i < 10; i++) {
            ten.append("User ").append(i).append(",u").append(i).append("@x.com,Member,View,,,,Team A,\n");
        }
        return ten.toString();
    }

    Map<String, Member> members() {
        return store.read(em -> em.createQuery("select m from Member m", Member.class).getResultList())
                .stream().collect(Collectors.toMap(Member::getEmailLower, m -> m));
    }

    long events() {
        return store.read(em -> em.createQuery("select count(e) from ChangeEvent e", Long.class).getSingleResult());
    }

    long managerEvents(String email) {
        return store.read(em -> em.createQuery("select count(e) from ChangeEvent e where e.entityKey = :k and e.field = 'manager'",
                Long.class).setParameter("k", email).getSingleResult());
    }

    /**
     * A manager earlier in the file is linked as the member is written, one later by the pass after all
     * rows, one already in the store from an earlier run by the first way too: each link one event, the
     * same links and versions either way, and a rerun changes nothing.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void managersAreLinkedWhereverTheyAppear(String kind) {
        open(kind);
        reconcile(rows("Boss One,boss@x.com,Admin,Full,CEO,Exec,,,",
                "Early Report,early@x.com,Member,Full,Eng,Eng,,,BOSS@x.com",
                "Late Report,late@x.com,Member,Full,Eng,Eng,,,later@x.com",
                "Later Boss,later@x.com,Member,Full,CTO,Exec,,,",
                "Nobody's Report,orphan@x.com,Member,Full,Eng,Eng,,,nobody@x.com"));
        Map<String, Member> first = members();
        assertEquals(first.get("boss@x.com").id().toString(), first.get("early@x.com").getManagerId());
        assertEquals(first.get("later@x.com").id().toString(), first.get("late@x.com").getManagerId());
        assertNull(first.get("orphan@x.com").getManagerId());
        assertEquals(1, managerEvents("early@x.com"));
        assertEquals(1, managerEvents("late@x.com"));
        assertEquals(0, managerEvents("orphan@x.com"));

        // A new member whose manager is in the store already; the others unchanged.
        long before = events();
        RunSummary second = reconcile(rows("Boss One,boss@x.com,Admin,Full,CEO,Exec,,,",
                "Early Report,early@x.com,Member,Full,Eng,Eng,,,BOSS@x.com",
                "Late Report,late@x.com,Member,Full,Eng,Eng,,,later@x.com",
                "Later Boss,later@x.com,Member,Full,CTO,Exec,,,",
                "Nobody's Report,orphan@x.com,Member,Full,Eng,Eng,,,nobody@x.com",
                "New Report,new@x.com,Member,Full,Eng,Eng,,,boss@x.com"));
        assertEquals(1, second.added());
        assertEquals(5, second.unchanged());
        Map<String, Member> after = members();
        assertEquals(first.get("boss@x.com").id().toString(), after.get("new@x.com").getManagerId());
        assertEquals(1, managerEvents("new@x.com"));
        assertEquals(before + 2, events(), "created and its manager link, nothing else");
        for (String email : List.of("boss@x.com", "early@x.com", "late@x.com", "later@x.com", "orphan@x.com")) {
            assertEquals(first.get(email).getVersion(), after.get(email).getVersion(), email + " untouched");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theSampleLoadsAndARerunChangesNothing(String kind) throws IOException {
        open(kind);
        RunSummary first = new Reconciler(store).run(new CsvSnapshot(SAMPLE, "sample-members.csv"), ReconcileOptions.defaults());
        assertEquals(10, first.added());
        assertEquals(RunStatus.SUCCEEDED, first.status());
        Map<String, Member> before = members();
        Member ada = before.get("ada.park@example.com");
        assertEquals(OrgRole.ADMIN, ada.getOrgRole());
        assertTrue(ada.isFigmaAdmin());
        assertEquals(SeatType.FULL, ada.getSeatType());
        assertEquals("Ada", ada.getGivenName());
        assertEquals("Park", ada.getFamilyName());
        assertEquals("Design", ada.getDepartment());
        assertEquals(Instant.parse("2026-05-03T00:00:00Z"), ada.getLastActiveAt());
        Member ben = before.get("ben.okafor@example.com");
        assertNull(ben.getLastEditAt(), "an empty Last Edit cell stays empty");
        assertEquals(OrgRole.GUEST, before.get("hugo.bernard@agency-partner.example.net").getOrgRole());
        assertEquals("Jonas", before.get("jonas.weber@example.com").getGivenName(), "names derived from the e-mail");
        // The manager's e-mail becomes a link to the manager's member id.
        assertEquals(before.get("maria.lopez@example.com") == null ? null : before.get("maria.lopez@example.com").id().toString(),
                ada.getManagerId());
        assertEquals(before.get("ada.park@example.com").id().toString(), before.get("chloe.martin@example.com").getManagerId());
        Set<String> adaTeams = memberships(ada).keySet();
        assertEquals(Set.of("Design Systems", "Web App"), adaTeams);

        long eventsAfterFirst = events();
        RunSummary second = new Reconciler(store).run(new CsvSnapshot(SAMPLE, "sample-members.csv"), ReconcileOptions.defaults());
        assertEquals(0, second.added());
        assertEquals(0, second.updated());
        assertEquals(0, second.removed());
        assertEquals(10, second.unchanged());
        assertEquals(0, second.changeEvents());
        assertEquals(eventsAfterFirst, events(), "a rerun writes no ChangeEvent");
        Map<String, Member> after = members();
        for (Member m : before.values()) {
            assertEquals(m.getVersion(), after.get(m.getEmailLower()).getVersion(), m.getEmailLower());
            assertEquals(m.getLastModified(), after.get(m.getEmailLower()).getLastModified(), m.getEmailLower());
        }
        List<ReconciliationRun> runs = store.read(em -> em.createQuery("select r from ReconciliationRun r order by r.startedAt",
                ReconciliationRun.class).getResultList());
        assertEquals(2, runs.size());
        assertEquals(64, runs.get(0).getFileSha256().length());
        assertEquals(runs.get(0).getFileSha256(), runs.get(1).getFileSha256());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void oneChangedFieldBumpsExactlyThatMember(String kind) {
        open(kind);
        reconcile(rows("Ada Park,ada@x.com,Admin,Full,Lead,Design,2026-05-01,Web App,",
                "Ben Okafor,ben@x.com,Member,Dev,Eng,Eng,,Web App,"));
        Map<String, Member> before = members();
        RunSummary s = reconcile(rows("Ada Park,ada@x.com,Admin,Full,Principal,Design,2026-05-01,Web App,",
                "Ben Okafor,ben@x.com,Member,Dev,Eng,Eng,,Web App,"));
        assertEquals(1, s.updated());
        assertEquals(1, s.unchanged());
        assertEquals(1, s.changeEvents());
        Map<String, Member> after = members();
        assertEquals(before.get("ada@x.com").getVersion() + 1, after.get("ada@x.com").getVersion());
        assertEquals("Principal", after.get("ada@x.com").getTitle());
        assertEquals(before.get("ben@x.com").getVersion(), after.get("ben@x.com").getVersion());
        assertEquals(before.get("ben@x.com").getLastModified(), after.get("ben@x.com").getLastModified());
        ChangeEvent e = store.read(em -> em.createQuery("select e from ChangeEvent e where e.field = 'title'", ChangeEvent.class)
                .getSingleResult());
        assertEquals("Lead", e.getOldValue());
        assertEquals("Principal", e.getNewValue());
        assertEquals(s.runId(), e.getRunId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void vanishedMembersAreRemovedBehindTheGuardAndReactivated(String kind) {
        open(kind);
        String ten = tenMembersOfTeamA();
        reconcile(ten);
        // One of ten gone: 10 % is under the 20 % guard.
        String nine = ten.replace("User 9,u9@x.com,Member,View,,,,Team A,\n", "");
        RunSummary s = reconcile(nine);
        assertEquals(1, s.removed());
        Member u9 = members().get("u9@x.com");
        assertEquals(MemberStatus.REMOVED, u9.getStatus(), "removed members are kept");
        assertTrue(memberships(u9).isEmpty(), "and their team memberships dropped");

        // Four more of nine gone: 44 % is refused, and nothing changes.
        long eventsBefore = events();
        String five = HEADER + "User 0,u0@x.com,Member,View,,,,Team A,\nUser 1,u1@x.com,Member,View,,,,Team A,\n"
                + "User 2,u2@x.com,Member,View,,,,Team A,\nUser 3,u3@x.com,Member,View,,,,Team A,\n"
                + "User 4,u4@x.com,Member,View,,,,Team A,\n";
        MassRemovalRefused refused = assertThrows(MassRemovalRefused.class, () -> reconcile(five));
        assertEquals(4, refused.wouldRemove());
        assertEquals(9, refused.inScope());
        assertEquals(eventsBefore, events());
        assertEquals(MemberStatus.ACTIVE, members().get("u8@x.com").getStatus());
        ReconciliationRun failed = store.read(em -> em.createQuery("select r from ReconciliationRun r where r.status = :s",
                ReconciliationRun.class).setParameter("s", RunStatus.FAILED).getSingleResult());
        assertTrue(failed.getError().contains("--allow-mass-removal"));

        RunSummary forced = reconcile(five, new ReconcileOptions(false, true, 0.2, null));
        assertEquals(4, forced.removed());

        // A removed member who reappears is reactivated.
        RunSummary back = reconcile(five.replace("User 4,u4@x.com", "User 4,u4@x.com") + "User 9,u9@x.com,Member,View,,,,Team A,\n");
        assertEquals(1, back.updated());
        assertEquals(MemberStatus.ACTIVE, members().get("u9@x.com").getStatus());
        assertEquals(Set.of("Team A"), memberships(members().get("u9@x.com")).keySet());
    }

    /**
     * As many members reported as are in the store, but not the same ones: one left, one joined. The
     * count alone would say nobody vanished; the one who left is removed all the same.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void oneLeavingAndOneJoiningIsARemovalAndAnAddition(String kind) {
        open(kind);
        String ten = tenMembersOfTeamA();
        reconcile(ten);
        RunSummary s = reconcile(ten.replace("User 3,u3@x.com", "User 10,u10@x.com"));
        assertEquals(1, s.added());
        assertEquals(1, s.removed());
        assertEquals(9, s.unchanged());
        assertEquals(MemberStatus.REMOVED, members().get("u3@x.com").getStatus());
        assertEquals(MemberStatus.ACTIVE, members().get("u10@x.com").getStatus());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void teamsFollowTheTeamsColumn(String kind) {
        open(kind);
        reconcile(rows("Ada Park,ada@x.com,Admin,Full,,,,Web App (Owner); Mobile (Viewer),",
                "Ben Okafor,ben@x.com,Member,Dev,,,,Web App,"));
        Map<String, TeamMembership> ada = memberships(members().get("ada@x.com"));
        assertEquals(TeamRole.OWNER, ada.get("Web App").getRole());
        assertEquals(TeamRole.VIEWER, ada.get("Mobile").getRole());
        long teamVersionBefore = team("Web App").getVersion();

        RunSummary s = reconcile(rows("Ada Park,ada@x.com,Admin,Full,,,,Web App (Admin),", "Ben Okafor,ben@x.com,Member,Dev,,,,Web App,"));
        assertEquals(1, s.updated());
        ada = memberships(members().get("ada@x.com"));
        assertEquals(Set.of("Web App"), ada.keySet());
        assertEquals(TeamRole.ADMIN, ada.get("Web App").getRole());
        assertNull(team("Mobile"), "a team no member belongs to any more is removed");
        assertTrue(team("Web App").getVersion() > teamVersionBefore, "the group changed, so its version moved");

        // A file without a Teams column says nothing about teams: memberships stay.
        reconcile("Email,Role\nada@x.com,Admin\nben@x.com,Member\n");
        assertEquals(Set.of("Web App"), memberships(members().get("ada@x.com")).keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aDryRunWritesNothing(String kind) {
        open(kind);
        reconcile(rows("Ada Park,ada@x.com,Admin,Full,Lead,,,,"));
        long events = events();
        long runs = store.read(em -> em.createQuery("select count(r) from ReconciliationRun r", Long.class).getSingleResult());
        RunSummary dry = reconcile(rows("Ada Park,ada@x.com,Admin,Full,Principal,,,,", "New Person,new@x.com,Member,View,,,,,"),
                new ReconcileOptions(true, false, 0.2, null));
        assertTrue(dry.dryRun());
        assertNull(dry.runId());
        assertEquals(1, dry.added());
        assertEquals(1, dry.updated());
        assertTrue(dry.changes().stream().anyMatch(l -> l.contains("title: Lead → Principal")), dry.changes().toString());
        assertEquals(events, events());
        assertEquals(runs, (long) store.read(em -> em.createQuery("select count(r) from ReconciliationRun r",
                Long.class).getSingleResult()));
        assertFalse(members().containsKey("new@x.com"));
        assertEquals("Lead", members().get("ada@x.com").getTitle());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aRejectedFileChangesNothingAndIsRecorded(String kind) {
        open(kind);
        reconcile(rows("Ada Park,ada@x.com,Admin,Full,Lead,,,,"));
        Map<String, Member> before = members();
        SnapshotRejected e = assertThrows(SnapshotRejected.class,
                () -> reconcile(rows("Ada Park,ada@x.com,Admin,Full,Other,,,,", "Bad,not-an-email,Member,View,,,,,")));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).startsWith("members.csv:3:2: "), e.problems().get(0));
        assertEquals(before.get("ada@x.com").getVersion(), members().get("ada@x.com").getVersion());
        assertEquals("Lead", members().get("ada@x.com").getTitle());
        assertEquals(1L, (long) store.read(em -> em.createQuery("select count(r) from ReconciliationRun r where r.status = :s", Long.class)
                .setParameter("s", RunStatus.FAILED).getSingleResult()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void scimOwnedFieldsAreNotOverwrittenByTheCsv(String kind) {
        open(kind);
        reconcile(rows("Ada Park,ada@x.com,Member,Full,Lead,Design,,,"));
        // Figma's SCIM API reports Ada with another title: it owns titles.
        Snapshot scim = new ListSnapshot(Source.FIGMA_SCIM, Snapshot.Scope.NONE, List.of(new IncomingMember("ADA@x.com",
                Map.of(MemberField.TITLE, "Design Lead", MemberField.FIGMA_USER_ID, "42", MemberField.MANAGED_BY_IDP, true), null)));
        RunSummary s = new Reconciler(store).run(scim, ReconcileOptions.defaults());
        assertEquals(1, s.updated());
        assertEquals("Design Lead", members().get("ada@x.com").getTitle());
        // The CSV comes again with its stale title: SCIM's value stays, the CSV still sets what it owns.
        reconcile(rows("Ada Park,ada@x.com,Admin,Full,Lead,Design,2026-05-05,,"));
        Member ada = members().get("ada@x.com");
        assertEquals("Design Lead", ada.getTitle());
        assertEquals(OrgRole.ADMIN, ada.getOrgRole());
        assertEquals(Instant.parse("2026-05-05T00:00:00Z"), ada.getLastActiveAt());
        // An older last-active date never moves it back.
        reconcile(rows("Ada Park,ada@x.com,Admin,Full,Lead,Design,2026-01-01,,"));
        assertEquals(Instant.parse("2026-05-05T00:00:00Z"), members().get("ada@x.com").getLastActiveAt());
        // Matching by figmaUserId wins over e-mail: a renamed address updates the same member.
        Snapshot renamed = new ListSnapshot(Source.FIGMA_SCIM, Snapshot.Scope.NONE, List.of(new IncomingMember("ada.park@x.com",
                Map.of(MemberField.FIGMA_USER_ID, "42"), null)));
        new Reconciler(store).run(renamed, ReconcileOptions.defaults());
        assertTrue(members().containsKey("ada.park@x.com"));
        assertFalse(members().containsKey("ada@x.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void onlyOneRunAtATime(String kind) throws Exception {
        open(kind);
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Snapshot slow = new BlockingSnapshot(inside, release);
        Thread first = new Thread(() -> new Reconciler(store).run(slow, ReconcileOptions.defaults()));
        first.start();
        assertTrue(inside.await(30, java.util.concurrent.TimeUnit.SECONDS));
        try {
            assertThrows(ReconciliationBusy.class, () -> reconcile(rows("Ada Park,ada@x.com,Admin,Full,Lead,,,,")));
        } finally {
            release.countDown();
            first.join(30_000);
        }
        assertEquals(1, reconcile(rows("Ada Park,ada@x.com,Admin,Full,Lead,,,,")).added(), "the lock is released afterwards");
    }

    /** Another process (here: another connection) holding the advisory lock blocks runs on PostgreSQL. */
    @org.junit.jupiter.api.Test
    void anotherProcessHoldingTheAdvisoryLockRefusesTheRun() throws Exception {
        open("postgres");
        try (java.sql.Connection other = java.sql.DriverManager.getConnection(db.settings().jdbcUrl(), db.settings().user(), "")) {
            other.setAutoCommit(false);
            try (var st = other.createStatement()) {
                st.execute("select pg_advisory_xact_lock(" + Reconciler.ADVISORY_LOCK_KEY + ")");
            }
            assertThrows(ReconciliationBusy.class, () -> reconcile(rows("Ada Park,ada@x.com,Admin,Full,Lead,,,,")));
            assertTrue(members().isEmpty());
            other.rollback();
        }
        assertEquals(1, reconcile(rows("Ada Park,ada@x.com,Admin,Full,Lead,,,,")).added());
    }

    Map<String, TeamMembership> memberships(Member m) {
        return store.read(em -> em.createQuery("select tm from TeamMembership tm join fetch tm.team where tm.member.id = :id",
                TeamMembership.class).setParameter("id", m.id()).getResultList())
                .stream().collect(Collectors.toMap(tm -> tm.getTeam().getName(), tm -> tm, (a, b) -> a, HashMap::new));
    }

    Team team(String name) {
        return store.read(em -> em.createQuery("select t from Team t where t.name = :n", Team.class).setParameter("n", name)
                .getResultList().stream().findFirst().orElse(null));
    }
}
