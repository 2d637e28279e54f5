package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.source.csv.CsvSnapshot;
import dev.figmascim.bridge.store.SchemaCatalog;
import dev.figmascim.bridge.store.Store;
import dev.figmascim.bridge.store.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A first load of more rows than one chunk: on PostgreSQL its tables' indexes and foreign keys are
 * dropped after the first chunk and built again after the last row (DeferredIndexes). Whatever the run
 * ends in, committed, dry or failed, the schema is the one Flyway made; and what the run wrote is what
 * the chunk-by-chunk path writes: links to managers named in other chunks, teams, one event per change.
 */
class BigFirstLoadTest {

    private static final int ROWS = 5_000;
    private static final List<String> TABLES = List.of("member", "team", "team_membership", "change_event");

    @TempDir
    Path dir;

    /** The store of the running test (opened and closed by the test itself). */
    private Store store;

    /**
     * Row 0's manager is the last row, far in a later chunk; row 3 000's is row 10, in the first chunk;
     * row 4 000 names a manager who is no member. Every member is in one of 50 teams, the odd ones in two.
     */
    private Path bigCsv() throws IOException {
        StringBuilder csv = new StringBuilder("Name,Email,Role,Seat,Teams,Manager\n");
        for (int i = 0; i < ROWS; i++) {
            String manager = switch (i) {
                case 0 -> email(ROWS - 1);
                case 3_000 -> email(10).toUpperCase();
                case 4_000 -> "nobody@elsewhere.example";
                default -> "";
            };
            String teams = "Team " + (i % 50) + (i % 2 == 1 ? ";Team " + (i % 7) + "x" : "");
            csv.append("Person ").append(i).append(',').append(email(i)).append(",Member,Full,\"").append(teams).append("\",")
                    .append(manager).append('\n');
        }
        Path file = dir.resolve("big.csv");
        Files.writeString(file, csv);
        return file;
    }

    private static String email(int i) {
        return "person" + i + "@example.com";
    }

    /** PostgreSQL: the tables' indexes and constraints (H2 keeps its indexes: nothing to compare). */
    private Set<String> catalog(boolean postgres) {
        return postgres ? store.read(em -> SchemaCatalog.of(em, TABLES)) : Set.of();
    }

    private long count(String entity) {
        return store.read(em -> em.createQuery("select count(x) from " + entity + " x", Long.class).getSingleResult());
    }

    /** A test body, told whether the store is PostgreSQL. */
    @FunctionalInterface
    private interface StoreTest {
        void run(boolean postgres) throws IOException;
    }

    /** Runs {@code test} on a fresh store of this kind, as {@link #store}, and closes it after. */
    private void onFreshStore(String kind, StoreTest test) throws IOException {
        try (TestDatabase db = TestDatabase.create(kind); Store opened = Store.open(db.settings())) {
            store = opened;
            test.run(kind.equals("postgres"));
        }
    }

    private RunSummary run(Snapshot snapshot, ReconcileOptions options) {
        return new Reconciler(store).run(snapshot, options);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aBigFirstLoadWritesWhatTheChunkedPathWritesAndLeavesTheSchemaAsItWas(String kind) throws IOException {
        onFreshStore(kind, this::loadAndRerun);
    }

    private void loadAndRerun(boolean postgres) throws IOException {
        Set<String> schema = catalog(postgres);
        Path file = bigCsv();

        RunSummary first = run(new CsvSnapshot(file, "big.csv"), ReconcileOptions.defaults());

        assertEquals(ROWS, first.added());
        Map<String, Member> byEmail = store.read(em -> em.createQuery("select m from Member m where m.emailLower in :e", Member.class)
                .setParameter("e", List.of(email(0), email(ROWS - 1), email(3_000), email(10), email(4_000))).getResultList())
                .stream().collect(Collectors.toMap(Member::getEmailLower, m -> m));
        assertEquals(byEmail.get(email(ROWS - 1)).id().toString(), byEmail.get(email(0)).getManagerId(), "manager in a later chunk");
        assertEquals(byEmail.get(email(10)).id().toString(), byEmail.get(email(3_000)).getManagerId(), "manager in an earlier chunk");
        assertNull(byEmail.get(email(4_000)).getManagerId(), "a manager who is no member");
        assertEquals(ROWS + ROWS / 2, count("TeamMembership"));
        assertEquals(57, count("Team"));
        // A created event per member and team, one per membership, one per manager link.
        long events = ROWS + 57 + ROWS + ROWS / 2 + 2;
        assertEquals(events, first.changeEvents());
        assertEquals(events, count("ChangeEvent"));
        assertEquals(schema, catalog(postgres), "indexes and constraints as Flyway made them");

        RunSummary rerun = run(new CsvSnapshot(file, "big.csv"), ReconcileOptions.defaults());
        assertEquals(ROWS, rerun.unchanged());
        assertEquals(0, rerun.changeEvents());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aDryOrFailedBigFirstLoadLeavesAnEmptyStoreAndTheSchema(String kind) throws IOException {
        onFreshStore(kind, this::dryThenBrokenThenReal);
    }

    private void dryThenBrokenThenReal(boolean postgres) throws IOException {
        Set<String> schema = catalog(postgres);
        Path file = bigCsv();

        RunSummary dry = run(new CsvSnapshot(file, "big.csv"), new ReconcileOptions(true, false, ReconcileOptions.DEFAULT_THRESHOLD, null));
        assertEquals(ROWS, dry.added());
        assertEquals(0, count("Member"));
        assertEquals(schema, catalog(postgres));

        Snapshot breaksOff = new BreakingSnapshot(new CsvSnapshot(file, "big.csv"), 4_500);
        assertThrows(IllegalStateException.class, () -> run(breaksOff, ReconcileOptions.defaults()));
        assertEquals(0, count("Member"));
        assertEquals(0, count("TeamMembership"));
        assertEquals(0, count("ChangeEvent"));
        assertEquals(schema, catalog(postgres));

        // And the store is fit for the next run.
        assertEquals(ROWS, run(new CsvSnapshot(file, "big.csv"), ReconcileOptions.defaults()).added());
    }

    /** A source that breaks off after {@code limit} members, as an upload cut short would, after the indexes went. */
    private static final class BreakingSnapshot extends ForwardingSnapshot {
        private final int limit;

        BreakingSnapshot(Snapshot delegate, int limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public void forEachIncoming(Consumer<? super Incoming> sink) {
            int[] members = {0};
            delegate.forEachIncoming(item -> {
                if (item instanceof IncomingMember && members[0]++ == limit) {
                    throw new IllegalStateException("the source broke off");
                }
                sink.accept(item);
            });
        }
    }
}
