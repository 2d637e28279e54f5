package dev.figmascim.bridge.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Persistence;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The opened store. Thread-safe; one per process. Every unit of work runs in its own transaction
 * through {@link #inTransaction(Function)} (rolled back on any exception) or {@link #read(Function)}.
 */
public final class Store implements AutoCloseable {

    /**
     * How long a read waits for a table lock before it gives up (PostgreSQL). Readers never conflict with
     * a reconciliation's row writes; they conflict only with DDL, such as the ACCESS EXCLUSIVE locks a big
     * first load holds until it commits ({@link DeferredIndexes}). Without a limit every SCIM request
     * would wait for the whole load while holding a pooled connection, the pool would run dry, and
     * requests, readiness included, would fail after the pool's timeout. With it, a blocked read fails
     * fast as {@link #isBusy busy} and the API answers 503 with Retry-After. Writes wait as before.
     */
    public static final int READ_LOCK_TIMEOUT_MS = 2_000;
    /** PostgreSQL's SQLSTATE for "lock_not_available": a lock_timeout expired. */
    static final String LOCK_NOT_AVAILABLE = "55P03";

    private final StoreSettings settings;
    private final HikariDataSource dataSource;
    private final EntityManagerFactory emf;
    private final Flyway flyway;
    /** Set once {@link #isMigrated()} has seen nothing pending. */
    private volatile boolean migrated;
    /** Set when the process begins to stop: work that would start now should not ({@link #markClosing}). */
    private volatile boolean closing;

    private Store(StoreSettings settings, HikariDataSource dataSource, Flyway flyway, EntityManagerFactory emf) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.flyway = flyway;
        this.emf = emf;
    }

    /**
     * Opens the store, applying pending Flyway migrations first, then lets Hibernate validate the
     * entities against the migrated schema.
     */
    public static Store open(StoreSettings settings) {
        HikariDataSource ds = pool(settings);
        try {
            Flyway flyway = flyway(ds);
            flyway.migrate();
            Map<String, Object> props = new HashMap<>();
            props.put("jakarta.persistence.nonJtaDataSource", ds);
            EntityManagerFactory emf = Persistence.createEntityManagerFactory("bridge", props);
            return new Store(settings, ds, flyway, emf);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    /** Applies pending migrations without building the JPA layer (the {@code migrate} command). */
    public static MigrationReport migrateOnly(StoreSettings settings) {
        try (HikariDataSource ds = pool(settings)) {
            Flyway flyway = flyway(ds);
            int applied = flyway.migrate().migrationsExecuted;
            MigrationInfo current = flyway.info().current();
            return new MigrationReport(applied, current == null ? "none" : current.getVersion().getVersion());
        }
    }

    /** What {@link #migrateOnly} did. */
    public record MigrationReport(int applied, String schemaVersion) {
    }

    private static HikariDataSource pool(StoreSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        config.setAutoCommit(false);
        config.setPoolName("bridge-store");
        config.setConnectionTimeout(10_000);
        if (settings.isPostgres()) {
            // Hibernate batches inserts (hibernate.jdbc.batch_size); this lets the driver send each
            // batch as multi-row INSERTs instead of one statement per row.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            // A startup parameter rather than a SET: it is the session's default, so a SET LOCAL in a
            // write and a rolled-back SET cannot leave a pooled connection without it. Flyway's
            // connections have it too, so a migration gives up on a table another session holds
            // instead of queueing every reader behind its own ACCESS EXCLUSIVE request.
            config.addDataSourceProperty("options", "-c lock_timeout=" + READ_LOCK_TIMEOUT_MS);
        } else if (!settings.jdbcUrl().toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
            // H2 would otherwise close the database from a JVM shutdown hook of its own, in no order with
            // the server's: under a reconciliation that a stopping server lets finish. Closing the pool
            // (Store.close) closes it instead.
            config.addDataSourceProperty("DB_CLOSE_ON_EXIT", "FALSE");
        }
        // A database that cannot be reached at start (wrong URL, name or password) is reported by the caller
        // in one line; Hikari would first log it at SEVERE with the driver's whole stack trace.
        Logger poolLog = Logger.getLogger("com.zaxxer.hikari.pool.HikariPool");
        Level before = poolLog.getLevel();
        poolLog.setLevel(Level.OFF);
        try {
            return new HikariDataSource(config);
        } finally {
            poolLog.setLevel(before);
        }
    }

    private static Flyway flyway(DataSource ds) {
        return Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            waitForLocks(em);
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    /**
     * Lets the rest of {@code em}'s current transaction wait for locks as long as it takes, instead of
     * {@link #READ_LOCK_TIMEOUT_MS}: for writes, which must not fail because a reader or another writer
     * holds a row, and for a dry run, which takes a first load's locks without committing.
     * {@code SET LOCAL} ends with the transaction, committed or not. Nothing on H2.
     */
    public void waitForLocks(EntityManager em) {
        if (settings.isPostgres()) {
            em.unwrap(Session.class).doWork(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("set local lock_timeout = 0");
                }
            });
        }
    }

    /**
     * Whether {@code failure} means the store is busy rather than broken: a read gave up on a lock
     * ({@link #READ_LOCK_TIMEOUT_MS}) or no pooled connection came free in time. Worth a retry later.
     */
    public static boolean isBusy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** {@link #inTransaction(Function)} for work without a result. */
    public void run(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    /** Runs read-only {@code work}; the transaction is always rolled back, so nothing can be written. */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            return work.apply(em);
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    /**
     * Runs {@code work} that only queries, like {@link #read(Function)}, with what Hibernate keeps for
     * writes turned off: entities are loaded read-only (no snapshot to dirty-check) and the session is
     * never flushed, so queries after the first do not first scan what the earlier ones loaded. Not for
     * work that changes entities and expects later queries to see the change (a dry run does).
     */
    public <T> T query(Function<EntityManager, T> work) {
        return read(em -> work.apply(queryOnly(em)));
    }

    /**
     * Runs {@code work} that is nothing but SELECTs, like {@link #query(Function)}, on a connection in
     * auto-commit mode: each statement sees the data committed when it starts, as it does inside a READ
     * COMMITTED transaction, and there is no transaction to begin and roll back (on PostgreSQL a round trip
     * of its own per call; the SCIM list pages call this once per request). Nothing rolls back here, so
     * only for work that cannot write: queries built by the caller, no entity changes, no native DML.
     */
    public <T> T select(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.unwrap(Session.class).doWork(c -> c.setAutoCommit(true));
            return work.apply(queryOnly(em));
        } finally {
            em.close();
        }
    }

    /** {@code em} with entities loaded read-only and no flush before queries: what {@link #query} describes. */
    private static EntityManager queryOnly(EntityManager em) {
        em.setFlushMode(FlushModeType.COMMIT);
        em.unwrap(Session.class).setDefaultReadOnly(true);
        return em;
    }

    /**
     * Runs read-only {@code work} on a Hibernate StatelessSession: entities are built without a
     * persistence context (nothing registered, no snapshot, nothing to flush), which costs about half as
     * much per entity as a read-only session; for loading many rows only to render them. The
     * transaction is always rolled back.
     */
    public <T> T readStateless(Function<StatelessSession, T> work) {
        try (StatelessSession session = emf.unwrap(SessionFactory.class).openStatelessSession()) {
            Transaction tx = session.beginTransaction();
            try {
                return work.apply(session);
            } finally {
                if (tx.isActive()) {
                    tx.rollback();
                }
            }
        }
    }

    /**
     * Whether the database answers (readiness): a connection answers within two seconds. When every
     * pooled connection is in use and none is idle, the pool itself is the evidence, and asking for one
     * would queue the probe behind the requests for up to the pool's 10 s timeout (measured: 8 s while 30
     * SCIM reads waited on a first load's locks), long past a probe's own timeout.
     */
    public boolean isReachable() {
        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        if (pool != null && pool.getIdleConnections() == 0 && pool.getActiveConnections() > 0) {
            return true;
        }
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Whether every migration this build knows has been applied (readiness). Once true it stays true:
     * migrations only add to the history, so nothing this build knows can become pending again short of
     * restoring an older database under a running server. Asked of the database only until then, so a
     * probe needs no connection of its own when the pool is busy.
     */
    public boolean isMigrated() {
        if (migrated) {
            return true;
        }
        try {
            migrated = flyway.info().pending().length == 0;
            return migrated;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Says the store will close soon (the process is stopping): reads go on, but callers that start long
     * work, such as a reconciliation, refuse to begin it. Readiness reports the store down from now on.
     */
    public void markClosing() {
        closing = true;
    }

    public boolean isClosing() {
        return closing;
    }

    public StoreSettings settings() {
        return settings;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        try {
            emf.close();
        } finally {
            dataSource.close();
        }
    }
}
