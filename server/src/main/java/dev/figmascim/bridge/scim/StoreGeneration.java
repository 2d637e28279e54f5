package dev.figmascim.bridge.scim;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Which version of the store's data a query sees, derived from the data itself: the ids of the most
 * recently finished reconciliation runs. Members, teams and memberships change only inside a
 * reconciliation, and a run's row (with its {@code finished_at}) commits in the same transaction as its
 * changes (reconcile.Reconciler); so every commit that changes what a filter matches adds a row here,
 * for every replica and the CLI alike, and changes this value. Failed runs add a row too, which changes
 * the value without need: harmless.
 *
 * <p>Why several ids and not just the latest {@code finished_at}: runs are serialised by a lock, but
 * their times come from each process's clock. A run that commits with a time earlier than the newest
 * one (clocks of two replicas apart) still enters the {@value #RECENT} latest unless that many runs
 * finished within the clock difference. Served by {@code ix_reconciliation_run_finished} (V5).
 */
final class StoreGeneration {

    /** How many of the latest runs make up the generation. */
    static final int RECENT = 16;

    private StoreGeneration() {
    }

    /** Something read from the store, with the generation read just after it. */
    record Read<T>(T value, List<UUID> generation) {
    }

    /**
     * The generation of one request's session, read at most once, when first asked: by the remembered
     * totals (before they count) or, at the latest, for the representations after the page's query. So a
     * representation cached under it is as new as the page or newer: a commit between the page's query
     * and this read changes the generation, and the older representations are not used.
     */
    static final class Memo implements Supplier<List<UUID>> {

        private final EntityManager em;
        private List<UUID> read;

        Memo(EntityManager em) {
            this.em = em;
        }

        @Override
        public List<UUID> get() {
            if (read == null) {
                read = current(em);
            }
            return read;
        }

        /** {@code value}, read through this memo's session, with the generation. */
        <T> Read<T> with(T value) {
            return new Read<>(value, get());
        }
    }

    /**
     * The current generation as seen by {@code em}'s transaction; compare with equals. Plain JDBC on the
     * session's connection: through Hibernate's native query, this one fixed statement was 15 % of the CPU
     * of a cached list page (measured).
     */
    static List<UUID> current(EntityManager em) {
        return em.unwrap(Session.class).doReturningWork(StoreGeneration::read);
    }

    /** The generation's runs as (1, id, finished_at), newest first: the one query both readers use. */
    static final String RECENT_RUNS = "select 1 as part, id, finished_at from reconciliation_run where finished_at is not null"
            + " order by finished_at desc, id desc fetch first " + RECENT + " rows only";

    /**
     * The generation read on {@code c}: the one statement every reader uses, so their lists compare equal.
     * A plain SELECT (no derived table, no window) so that H2 keeps its plan per connection: with those,
     * H2 parsed and planned it anew on every request (80 % of a userName look-up's CPU on H2).
     */
    static List<UUID> read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RECENT_RUNS);
             ResultSet rs = ps.executeQuery()) {
            List<UUID> ids = new ArrayList<>(RECENT);
            while (rs.next()) {
                ids.add(rs.getObject(2, UUID.class));
            }
            return List.copyOf(ids);
        }
    }
}
