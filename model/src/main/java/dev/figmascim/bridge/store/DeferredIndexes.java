package dev.figmascim.bridge.store;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL's advice for populating a database ("Populating a Database" in its manual): drop a table's
 * indexes and foreign keys, load the rows, create them again. Building an index over rows already there
 * is a sort, several times cheaper than keeping it in order one row at a time, and a foreign key added
 * to a full table is checked by one join instead of a look-up per row.
 *
 * <p>Everything happens inside the caller's transaction, so DDL and rows commit or roll back together:
 * a failed, killed or dry run leaves the schema exactly as it was. The definitions come from the catalog
 * ({@code pg_get_indexdef}, {@code pg_get_constraintdef}) just before they are dropped, so what is
 * restored is what Flyway created, whatever the migrations say. Primary keys stay (other tables' foreign
 * keys point at them), and so do the indexes the caller names, which its own look-ups need meanwhile.
 *
 * <p>The price: dropping takes an ACCESS EXCLUSIVE lock on each table until the transaction ends, so
 * other sessions' reads of those tables wait for it. Worth it only for a large load into tables nobody
 * reads yet.
 */
public final class DeferredIndexes {

    /** One dropped index or constraint: the statement that drops it and the one that restores it. */
    private record Definition(String drop, String restore, boolean foreignKey) {
    }

    private final EntityManager em;
    /** In the order dropped: foreign keys first. Restored in reverse, so foreign keys come back last. */
    private final List<Definition> dropped;

    private DeferredIndexes(EntityManager em, List<Definition> dropped) {
        this.em = em;
        this.dropped = dropped;
    }

    /**
     * Drops the secondary indexes, unique constraints and foreign keys of {@code tables} (in the current
     * schema), except primary keys and the indexes or constraints named in {@code keep}.
     */
    public static DeferredIndexes drop(EntityManager em, List<String> tables, Set<String> keep) {
        List<Definition> found = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            found.addAll(constraints(connection, tables, keep));
            found.addAll(plainIndexes(connection, tables, keep));
            // Foreign keys first: a unique constraint cannot go while a foreign key depends on it.
            found.sort((a, b) -> Boolean.compare(b.foreignKey(), a.foreignKey()));
            try (Statement st = connection.createStatement()) {
                for (Definition d : found) {
                    st.execute(d.drop());
                }
            }
        });
        return new DeferredIndexes(em, found);
    }

    /** Creates again everything {@link #drop} dropped: indexes and unique constraints, then foreign keys. */
    public void restore() {
        em.unwrap(Session.class).doWork(connection -> {
            try (Statement st = connection.createStatement()) {
                for (Definition d : dropped.reversed()) {
                    st.execute(d.restore());
                }
            }
        });
    }

    /** How many indexes and constraints were dropped. */
    public int size() {
        return dropped.size();
    }

    private static List<Definition> constraints(Connection connection, List<String> tables, Set<String> keep) throws SQLException {
        String sql = "select c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid), c.contype = 'f'"
                + " from pg_constraint c where c.conrelid = any (cast(? as regclass[])) and c.contype in ('u', 'f')"
                + " and c.conname <> all (?) order by c.conrelid::regclass::text, c.conname";
        List<Definition> out = new ArrayList<>();
        for (String[] row : query(connection, sql, tables, keep)) {
            String table = row[0];
            String name = quoted(row[1]);
            out.add(new Definition("alter table " + table + " drop constraint " + name,
                    "alter table " + table + " add constraint " + name + " " + row[2], Boolean.parseBoolean(row[3])));
        }
        return out;
    }

    /** Indexes that back no constraint (those go and come back with their constraint). */
    private static List<Definition> plainIndexes(Connection connection, List<String> tables, Set<String> keep) throws SQLException {
        String sql = "select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i"
                + " join pg_class ic on ic.oid = i.indexrelid"
                + " where i.indrelid = any (cast(? as regclass[])) and ic.relname <> all (?)"
                + " and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid)"
                + " order by 1";
        List<Definition> out = new ArrayList<>();
        for (String[] row : query(connection, sql, tables, keep)) {
            out.add(new Definition("drop index " + row[0], row[1], false));
        }
        return out;
    }

    private static List<String[]> query(Connection connection, String sql, List<String> tables, Set<String> keep) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        Array tableArray = connection.createArrayOf("text", tables.toArray());
        Array keepArray = connection.createArrayOf("text", keep.toArray());
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, tableArray);
            ps.setArray(2, keepArray);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] row = new String[rs.getMetaData().getColumnCount()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
