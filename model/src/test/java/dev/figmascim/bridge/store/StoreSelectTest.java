package dev.figmascim.bridge.store;

import dev.figmascim.bridge.model.Member;
import org.hibernate.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Store#select} runs on an auto-commit connection and gives it back to the pool as it found it:
 * no pooled connection is left in auto-commit mode, and a transaction after it still rolls back.
 */
class StoreSelectTest {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void selectsAutoCommitAndLeavesThePooledConnectionTransactional(String kind) {
        try (TestDatabase db = TestDatabase.create(kind); Store store = Store.open(twoPooledConnections(db.settings()))) {
            store.run(em -> em.persist(new Member("kept@example.com", T0)));

            boolean selectAutoCommits = store.select(StoreSelectTest::autoCommits);
            assertTrue(selectAutoCommits);
            assertEquals(1L, members(store));

            // Both pooled connections at once, so the one select() used is among them.
            boolean eitherAutoCommits = store.read(first -> store.read(second -> autoCommits(first) || autoCommits(second)));
            assertFalse(eitherAutoCommits);
            assertThrows(IllegalStateException.class, () -> store.run(em -> {
                em.persist(new Member("rolled-back@example.com", T0));
                em.flush();
                throw new IllegalStateException("the run fails after writing");
            }));
            assertEquals(1L, members(store),
                    "the failed transaction's row was committed: the connection came back from select() in auto-commit mode");
        }
    }

    private static long members(Store store) {
        return store.select(em -> em.createQuery("select count(m) from Member m", Long.class).getSingleResult());
    }

    private static boolean autoCommits(jakarta.persistence.EntityManager em) {
        return em.unwrap(Session.class).doReturningWork(Connection::getAutoCommit);
    }

    /** Two: Flyway's migration at opening needs as many. */
    private static StoreSettings twoPooledConnections(StoreSettings settings) {
        return new StoreSettings(settings.jdbcUrl(), settings.user(), settings.password(), 2);
    }
}
