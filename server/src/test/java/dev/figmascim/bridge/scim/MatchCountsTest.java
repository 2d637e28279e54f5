package dev.figmascim.bridge.scim;

import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.reconcile.ReconcileOptions;
import dev.figmascim.bridge.reconcile.Reconciler;
import dev.figmascim.bridge.source.csv.CsvSnapshot;
import dev.figmascim.bridge.store.Store;
import dev.figmascim.bridge.store.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Remembered totals are exact: a reconciliation that changes the matches changes the total at once. */
class MatchCountsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aReconciliationCommitRenewsTheRememberedTotals(String kind) throws IOException {
        try (TestDatabase db = TestDatabase.create(kind); Store store = Store.open(db.settings())) {
            MemberRepository users = new MemberRepository(store, new MatchCounts(100));
            // count 1: every page is full, so the total cannot be read off the page and is counted (or remembered).
            ListRequest staff = ListRequest.of("userName ew \"@example.com\"", null, null, null, "1", null, null, 100, 1000);
            ListRequest everyone = ListRequest.of(null, null, null, null, "1", null, null, 100, 1000);

            reconcile(store, "ada@example.com", "ben@example.com");
            assertEquals(2, users.find(staff, true).total());
            assertEquals(2, users.findNear(staff, null, false, true).total());

            // Written behind the bridge's back, not by a reconciliation: the remembered total stays, which
            // shows it is remembered (only reconciliations change the store, ARCHITECTURE §3, §5).
            store.run(em -> em.persist(new Member("intruder@example.com", Instant.now())));
            assertEquals(2, users.find(staff, true).total());
            assertEquals(3, users.find(everyone, true).total(), "another filter is counted on its own");

            reconcile(store, "ada@example.com", "ben@example.com", "chloe@example.com", "dev@example.org");
            MemberRepository counting = new MemberRepository(store);
            long staffNow = counting.find(staff, true).total();
            assertTrue(staffNow >= 3, "chloe joined");
            assertEquals(staffNow, users.find(staff, true).total(), "the run's commit renewed the remembered total");
            assertEquals(counting.find(everyone, true).total(), users.find(everyone, true).total());
            assertEquals(staffNow, users.findNear(staff, null, false, false).total());

            reconcile(store, "ada@example.com", "ben@example.com", "chloe@example.com", "dev@example.org", "emma@example.com");
            assertEquals(staffNow + 1, users.find(staff, true).total());
            assertEquals(counting.find(staff, true).total(), users.find(staff, true).total());
        }
    }

    private void reconcile(Store store, String... emails) throws IOException {
        StringBuilder csv = new StringBuilder("Email,Name,Role\n");
        for (String e : emails) {
            csv.append(e).append(',').append(e, 0, e.indexOf('@')).append(",Member\n");
        }
        Path file = Files.writeString(dir.resolve("members-" + System.nanoTime() + ".csv"), csv);
        new Reconciler(store).run(new CsvSnapshot(file, file.getFileName().toString()), ReconcileOptions.defaults());
    }
}
