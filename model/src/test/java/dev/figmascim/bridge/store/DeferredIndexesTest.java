package dev.figmascim.bridge.store;

import dev.figmascim.bridge.model.Member;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** PostgreSQL: what DeferredIndexes drops it restores exactly, and a failure or rollback leaves the schema alone. */
class DeferredIndexesTest {

    private static final List<String> TABLES = List.of("member", "team_membership", "change_event");
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    private static Set<String> catalog(EntityManager em) {
        return SchemaCatalog.of(em, TABLES);
    }

    @Test
    void dropsAllButPrimaryKeysAndTheKeptOnesThenRestoresTheSameDefinitions() {
        try (TestDatabase db = TestDatabase.create("postgres"); Store store = Store.open(db.settings())) {
            Set<String> before = store.read(DeferredIndexesTest::catalog);
            Set<String> during = store.inTransaction(em -> {
                DeferredIndexes deferred = DeferredIndexes.drop(em, TABLES, Set.of("uq_member_email"));
                // 5 on member, 4 on team_membership, 4 on change_event: all but the primary keys and the kept one.
                assertEquals(13, deferred.size());
                Set<String> dropped = catalog(em);
                em.persist(new Member("a@example.com", T0));
                em.flush();
                deferred.restore();
                return dropped;
            });
            assertEquals(Set.of(
                    "change_event_pkey CREATE UNIQUE INDEX change_event_pkey ON public.change_event USING btree (id)",
                    "change_event change_event_pkey PRIMARY KEY (id)",
                    "member_pkey CREATE UNIQUE INDEX member_pkey ON public.member USING btree (id)",
                    "member member_pkey PRIMARY KEY (id)",
                    "member uq_member_email UNIQUE (email_lower)",
                    "team_membership_pkey CREATE UNIQUE INDEX team_membership_pkey ON public.team_membership USING btree (id)",
                    "team_membership team_membership_pkey PRIMARY KEY (id)",
                    "uq_member_email CREATE UNIQUE INDEX uq_member_email ON public.member USING btree (email_lower)"), during);
            assertEquals(before, store.read(DeferredIndexesTest::catalog));
            assertEquals(1L, (long) store.read(em -> em.createQuery("select count(m) from Member m", Long.class).getSingleResult()));
        }
    }

    @Test
    void aRowThatBreaksADroppedConstraintFailsTheRestoreAndTheRollbackKeepsTheSchema() {
        try (TestDatabase db = TestDatabase.create("postgres"); Store store = Store.open(db.settings())) {
            Set<String> before = store.read(DeferredIndexesTest::catalog);
            assertThrows(RuntimeException.class, () -> store.run(em -> {
                DeferredIndexes deferred = DeferredIndexes.drop(em, TABLES, Set.of("uq_member_email"));
                Member a = new Member("a@example.com", T0);
                Member b = new Member("b@example.com", T0);
                a.setFigmaUserId("same");
                b.setFigmaUserId("same");
                em.persist(a);
                em.persist(b);
                em.flush();
                assertNotEquals(before, catalog(em));
                deferred.restore();
            }));
            assertEquals(before, store.read(DeferredIndexesTest::catalog));
            assertEquals(0L, (long) store.read(em -> em.createQuery("select count(m) from Member m", Long.class).getSingleResult()));
        }
    }
}
