package dev.figmascim.bridge.store;

import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Set;

/** PostgreSQL: what the catalog says of some tables, for tests that a schema came back as it was. */
public final class SchemaCatalog {

    private SchemaCatalog() {
    }

    /** Every index ("name definition") and constraint ("table name definition") of {@code tables}. */
    public static Set<String> of(EntityManager em, List<String> tables) {
        return Set.copyOf(em.createNativeQuery("select ic.relname || ' ' || pg_get_indexdef(i.indexrelid) from pg_index i"
                        + " join pg_class ic on ic.oid = i.indexrelid join pg_class t on t.oid = i.indrelid where t.relname in (:t)"
                        + " union all select t.relname || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) from pg_constraint c"
                        + " join pg_class t on t.oid = c.conrelid where t.relname in (:t)", String.class)
                .setParameter("t", tables).getResultList());
    }
}
