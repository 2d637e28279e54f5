package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.Source;
import dev.figmascim.bridge.model.TeamMembership;
import dev.figmascim.bridge.model.TeamRole;
import dev.figmascim.bridge.source.csv.CsvSnapshot;
import dev.figmascim.bridge.store.Store;
import dev.figmascim.bridge.store.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A CSV rerun recognises unchanged rows by their digest (RowDigest) instead of loading their members.
 * Differential: after each kind of change another source can make, a rerun of the same file ends exactly
 * where the full path ends, which a second store is forced onto by forgetting every recorded row.
 */
class UnchangedRowsTest {

    private static final String CSV = "Name,Email,Role,Seat,Job Title,Teams,Manager\n"
            + "Ada Admin,ada@x.com,Admin,Full,CEO,Design;Web,\n"
            + "Bob Builder,bob@x.com,Member,Full,Engineer,Design,ada@x.com\n"
            + "Cy Viewer,cy@x.com,Member,View,Analyst,Web,bob@x.com\n"
            + "Di Guest,di@x.com,Guest,View,,,\n";

    @TempDir
    Path dir;

    /** What another source does between the two CSV runs. */
    enum Change {
        NOTHING(r -> { }),
        SCIM_RENAMES_A_MEMBER(r -> r.accept(new ScriptedSnapshot(Source.FIGMA_SCIM, new IncomingMember("bob@x.com",
                Map.of(MemberField.NAME, "Robert Builder", MemberField.TITLE, "Staff Engineer"), null, List.of(), null, false)))),
        ACTIVITY_LOG_MOVES_A_MEMBER(r -> r.accept(new ScriptedSnapshot(Source.ACTIVITY_LOG, new IncomingMember("cy@x.com",
                Map.of(), null, List.of(TeamOperation.remove(TeamRef.byName("Web")), TeamOperation.add(TeamRef.byName("Design"),
                TeamRole.EDITOR)), null, false)))),
        ACTIVITY_LOG_RENAMES_A_TEAM(r -> {
            r.accept(new ScriptedSnapshot(Source.ACTIVITY_LOG, new IncomingTeam(IncomingTeam.Kind.CREATED, "5", "Design")));
            r.accept(new ScriptedSnapshot(Source.ACTIVITY_LOG, new IncomingTeam(IncomingTeam.Kind.RENAMED, "5", "Design System")));
        }),
        ACTIVITY_LOG_DELETES_A_TEAM(r -> {
            r.accept(new ScriptedSnapshot(Source.ACTIVITY_LOG, new IncomingTeam(IncomingTeam.Kind.CREATED, "6", "Web")));
            r.accept(new ScriptedSnapshot(Source.ACTIVITY_LOG, new IncomingTeam(IncomingTeam.Kind.DELETED, "6", null)));
        });

        final Consumer<Consumer<Snapshot>> apply;

        Change(Consumer<Consumer<Snapshot>> apply) {
            this.apply = apply;
        }
    }

    @ParameterizedTest
    @CsvSource({"h2,NOTHING", "postgres,NOTHING", "h2,SCIM_RENAMES_A_MEMBER", "postgres,SCIM_RENAMES_A_MEMBER",
            "h2,ACTIVITY_LOG_MOVES_A_MEMBER", "postgres,ACTIVITY_LOG_MOVES_A_MEMBER", "h2,ACTIVITY_LOG_RENAMES_A_TEAM",
            "postgres,ACTIVITY_LOG_RENAMES_A_TEAM", "h2,ACTIVITY_LOG_DELETES_A_TEAM", "postgres,ACTIVITY_LOG_DELETES_A_TEAM"})
    void aRerunAfterAnotherSourceEndsWhereTheFullPathEnds(String kind, Change change) throws IOException {
        Path file = dir.resolve("members.csv");
        Files.writeString(file, CSV);
        try (TestDatabase recognisingDb = TestDatabase.create(kind); Store recognising = Store.open(recognisingDb.settings());
             TestDatabase fullDb = TestDatabase.create(kind); Store full = Store.open(fullDb.settings())) {
            for (Store store : List.of(recognising, full)) {
                csv(store, file);
                assertEquals(4, csv(store, file).unchanged());
                change.apply.accept(snapshot -> new Reconciler(store).run(snapshot, ReconcileOptions.defaults()));
            }
            forgetRecordedRows(full);

            RunSummary expected = csv(full, file);
            RunSummary actual = csv(recognising, file);

            assertEquals(List.of(expected.added(), expected.updated(), expected.removed(), expected.unchanged(), expected.changeEvents()),
                    List.of(actual.added(), actual.updated(), actual.removed(), actual.unchanged(), actual.changeEvents()));
            assertEquals(state(full), state(recognising));
        }
    }

    /**
     * The recognition is real and the version is what guards it: a change made behind Hibernate's back
     * (no version bump, which no code path of ours does) survives a rerun that recognises the row, and is
     * undone by the full path.
     */
    @ParameterizedTest
    @CsvSource({"h2", "postgres"})
    void aRecognisedRowIsNotLoadedAndTheVersionGuardsIt(String kind) throws IOException {
        Path file = dir.resolve("members.csv");
        Files.writeString(file, CSV);
        try (TestDatabase db = TestDatabase.create(kind); Store store = Store.open(db.settings())) {
            csv(store, file);
            store.run(em -> em.createNativeQuery("update member set title = 'Behind the back' where email_lower = 'bob@x.com'")
                    .executeUpdate());
            assertEquals(4, csv(store, file).unchanged());
            assertEquals("Behind the back", StoreQueries.member(store, "bob@x.com").getTitle());

            forgetRecordedRows(store);
            RunSummary full = csv(store, file);
            assertEquals(1, full.updated());
            assertEquals("Engineer", StoreQueries.member(store, "bob@x.com").getTitle());
            assertEquals(4, csv(store, file).unchanged(), "rows recorded again by the full path are recognised");
        }
    }

    private RunSummary csv(Store store, Path file) {
        return new Reconciler(store).run(new CsvSnapshot(file, "members.csv"), ReconcileOptions.defaults());
    }

    private static void forgetRecordedRows(Store store) {
        store.run(em -> em.createNativeQuery("update member set csv_row_hash = null").executeUpdate());
    }

    /** Every member's client-visible state and team memberships, by e-mail. */
    private static Map<String, String> state(Store store) {
        Map<String, String> out = new TreeMap<>();
        store.read(em -> {
            for (Member m : em.createQuery("select m from Member m", Member.class).getResultList()) {
                Map<String, TeamRole> teams = new TreeMap<>();
                for (TeamMembership tm : em.createQuery("select tm from TeamMembership tm join fetch tm.team where tm.member = :m",
                        TeamMembership.class).setParameter("m", m).getResultList()) {
                    teams.put(tm.getTeam().getName() + "/" + tm.getTeam().getKind(), tm.getRole());
                }
                String manager = m.getManagerId() == null ? null : em.find(Member.class, java.util.UUID.fromString(m.getManagerId()))
                        .getEmailLower();
                out.put(m.getEmailLower(), String.join("|", m.getName(), String.valueOf(m.getTitle()), m.getOrgRole().name(),
                        m.getSeatType().name(), m.getStatus().name(), String.valueOf(manager), String.valueOf(m.getVersion()),
                        teams.toString()));
            }
            return null;
        });
        assertNotEquals(0, out.size());
        return out;
    }
}
