package dev.figmascim.bridge.store;

import dev.figmascim.bridge.model.Member;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL: reads give up on a table another transaction holds exclusively (what a big first load does)
 * after {@link Store#READ_LOCK_TIMEOUT_MS} and are reported as busy; writes still wait for the lock.
 */
@Timeout(120)
class StoreLockTimeoutTest {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    /** Another session holding ACCESS EXCLUSIVE on {@code member} until closed, as DeferredIndexes does. */
    private static Connection holdMemberTable(TestDatabase db) throws SQLException {
        Connection c = DriverManager.getConnection(db.settings().jdbcUrl(), db.settings().user(), db.settings().password());
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("lock table member in access exclusive mode");
        }
        return c;
    }

    private static String lockTimeout(EntityManager em) {
        return (String) em.createNativeQuery("show lock_timeout").getSingleResult();
    }

    private static long count(EntityManager em) {
        return em.createQuery("select count(m) from Member m", Long.class).getSingleResult();
    }

    @Test
    void everyKindOfReadGivesUpOnAHeldTableAsBusy() throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres"); Store store = Store.open(db.settings());
             Connection holder = holdMemberTable(db)) {
            Map<String, Supplier<Object>> reads = Map.of(
                    "read", () -> store.read(StoreLockTimeoutTest::count),
                    "query", () -> store.query(StoreLockTimeoutTest::count),
                    "select", () -> store.select(StoreLockTimeoutTest::count),
                    "readStateless", () -> store.readStateless(s ->
                            s.createQuery("select count(m) from Member m", Long.class).getSingleResult()));
            for (Map.Entry<String, Supplier<Object>> read : reads.entrySet()) {
                long started = System.nanoTime();
                RuntimeException failure = assertThrows(RuntimeException.class, read.getValue()::get, read.getKey());
                Duration waited = Duration.ofNanos(System.nanoTime() - started);
                assertTrue(Store.isBusy(failure), read.getKey() + " failed otherwise: " + failure);
                assertTrue(waited.toMillis() >= Store.READ_LOCK_TIMEOUT_MS - 100, read.getKey() + " gave up after " + waited);
                assertTrue(waited.toMillis() < Store.READ_LOCK_TIMEOUT_MS + 5_000, read.getKey() + " waited " + waited);
            }
            holder.rollback();
            assertEquals(0L, store.read(StoreLockTimeoutTest::count));
        }
    }

    @Test
    void aWriteWaitsPastTheReadTimeoutAndSucceedsOnceTheLockIsReleased() throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres"); Store store = Store.open(db.settings())) {
            Connection holder = holdMemberTable(db);
            CompletableFuture<Long> write = CompletableFuture.supplyAsync(() -> store.inTransaction(em -> {
                em.persist(new Member("a@example.com", T0));
                em.flush();
                return count(em);
            }));
            Thread.sleep(Store.READ_LOCK_TIMEOUT_MS + 1_500L);
            assertFalse(write.isDone(), "the write should still be waiting for the lock");
            holder.rollback();
            holder.close();
            assertEquals(1L, write.get(30, TimeUnit.SECONDS));
            assertEquals(1L, store.read(StoreLockTimeoutTest::count));
        }
    }

    @Test
    void theTimeoutIsEverySessionsDefaultAndIsLiftedOnlyInsideWrites() {
        try (TestDatabase db = TestDatabase.create("postgres"); Store store = Store.open(db.settings())) {
            assertEquals("2s", store.read(StoreLockTimeoutTest::lockTimeout));
            assertEquals("0", store.inTransaction(StoreLockTimeoutTest::lockTimeout));
            assertEquals("0", store.read(em -> {
                store.waitForLocks(em);
                return lockTimeout(em);
            }));
            // A session-wide SET in a read is rolled back with it: the connection it used (the pool hands a
            // thread back the connection it last returned) and every other one still have the default.
            Object setOn = store.read(em -> {
                em.createNativeQuery("set lock_timeout = 0").executeUpdate();
                return em.createNativeQuery("select pg_backend_pid()").getSingleResult();
            });
            Set<Object> seen = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                List<Supplier<Object[]>> reads = List.of(
                        () -> store.read(StoreLockTimeoutTest::pidAndTimeout),
                        () -> store.select(StoreLockTimeoutTest::pidAndTimeout),
                        () -> store.query(StoreLockTimeoutTest::pidAndTimeout));
                for (Supplier<Object[]> read : reads) {
                    Object[] pidAndTimeout = read.get();
                    seen.add(pidAndTimeout[0]);
                    assertEquals("2s", pidAndTimeout[1]);
                }
                // The SET LOCAL of a write ends with it.
                assertEquals("0", store.inTransaction(StoreLockTimeoutTest::pidAndTimeout)[1]);
            }
            assertTrue(seen.contains(setOn), "the connection the SET ran on was not handed out again: " + seen);
        }
    }

    private static Object[] pidAndTimeout(EntityManager em) {
        return (Object[]) em.createNativeQuery("select pg_backend_pid(), current_setting('lock_timeout')").getSingleResult();
    }

    @Test
    void readinessAnswersAtOnceWhileEveryPooledConnectionIsInUse() throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres"); Store store = Store.open(db.settings())) {
            assertTrue(store.isMigrated());
            List<Connection> held = new ArrayList<>();
            try {
                for (int i = 0; i < db.settings().poolSize(); i++) {
                    held.add(store.dataSource().getConnection());
                }
                long started = System.nanoTime();
                assertTrue(store.isReachable());
                assertTrue(store.isMigrated());
                long tookMs = (System.nanoTime() - started) / 1_000_000;
                assertTrue(tookMs < 1_000, "readiness waited " + tookMs + " ms for a connection");
            } finally {
                for (Connection c : held) {
                    c.close();
                }
            }
            assertTrue(store.isReachable());
        }
    }

    @Test
    void busyMeansALockTimeoutOrAnExhaustedPoolAnywhereInTheCauseChain() {
        assertTrue(Store.isBusy(new IllegalStateException("wrapped", new SQLException("canceled", Store.LOCK_NOT_AVAILABLE))));
        assertTrue(Store.isBusy(new RuntimeException(new SQLTransientConnectionException("pool timeout"))));
        for (Throwable notBusy : List.of(new IllegalStateException("plain"),
                new RuntimeException(new SQLException("unique violation", "23505")), new SQLException("no state"))) {
            assertFalse(Store.isBusy(notBusy), notBusy.toString());
        }
    }
}
