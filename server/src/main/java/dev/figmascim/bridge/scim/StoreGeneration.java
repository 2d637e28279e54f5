package dev.figmascim.bridge.scim;

import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

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

    /** The current generation as seen by {@code em}'s transaction; compare with equals. */
    static List<UUID> current(EntityManager em) {
        return em.createQuery("select r.id from ReconciliationRun r where r.finishedAt is not null"
                        + " order by r.finishedAt desc nulls first, r.id desc", UUID.class)
                .setMaxResults(RECENT)
                .getResultList();
    }
}
