package dev.figmascim.bridge.store;

import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.generator.Generator;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.descriptor.ValueBinder;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * New rows of one entity type written in bulk, bypassing Hibernate's persistence context: no
 * snapshot, no dirty check, no cascade, and on PostgreSQL {@code COPY … FROM STDIN} through the
 * driver's CopyManager (the fastest way rows enter PostgreSQL); elsewhere one batched INSERT.
 * Written on the entity manager's own connection, so the rows are part of its transaction.
 *
 * <p>Columns and values come from Hibernate's mapping of the entity (its identifier and every
 * insertable column, values converted exactly as Hibernate converts them), so the entity stays the
 * only definition of its table. A generated identifier comes from the entity's own generator. What
 * this skips: lifecycle callbacks ({@code @PrePersist}) and the persistence context, so an entity
 * added here is not managed: load it ({@code find}) after {@link #write} to change it.
 *
 * <p>Why not Hibernate's StatelessSession: in Hibernate 6.3 it does not batch inserts, which is the
 * whole cost this class removes (one round trip per row).
 */
public final class BulkInsert<T> {

    private final Class<T> type;
    private final int blockSize;
    private final List<T> pending = new ArrayList<>();
    /** The mapping of the last write (a run writes the same type thousands of times). */
    private Mapping cached;

    public BulkInsert(Class<T> type) {
        this(type, CopyRows.BLOCK);
    }

    /** With COPY's bytes sent {@code blockSize} at a time: tests cross block boundaries with a few rows. */
    BulkInsert(Class<T> type, int blockSize) {
        this.type = type;
        this.blockSize = blockSize;
    }

    public void add(T entity) {
        pending.add(entity);
    }

    /** The entities added since the last write, in order: still changeable until {@link #write}. */
    public List<T> pending() {
        return Collections.unmodifiableList(pending);
    }

    public int size() {
        return pending.size();
    }

    /** Inserts every entity added since the last write, in the order added. */
    public void write(EntityManager em) {
        if (pending.isEmpty()) {
            return;
        }
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        Mapping mapping = mapping(session);
        session.doWork(connection -> {
            if (connection.isWrapperFor(PGConnection.class)) {
                copy(connection.unwrap(PGConnection.class), session, mapping);
            } else {
                batch(connection, session, mapping);
            }
        });
        pending.clear();
    }

    /** Where the entity's values go: its identifier and every non-collection attribute, and which columns are written. */
    private record Mapping(EntityPersister persister, List<ModelPart> parts, boolean[] insertable, String table, List<String> columns) {
    }

    private Mapping mapping(SessionImplementor session) {
        EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(type);
        if (cached != null && cached.persister() == persister) {
            return cached;
        }
        List<ModelPart> parts = new ArrayList<>();
        parts.add(persister.getIdentifierMapping());
        persister.forEachAttributeMapping(a -> {
            if (!a.isPluralAttributeMapping()) {
                parts.add(a);
            }
        });
        List<String> columns = new ArrayList<>();
        List<Boolean> insertable = new ArrayList<>();
        String[] table = {null};
        for (ModelPart part : parts) {
            part.forEachSelectable((i, s) -> {
                boolean written = s.isInsertable() && !s.isFormula();
                insertable.add(written);
                table[0] = s.getContainingTableExpression();
                if (written) {
                    columns.add(s.getSelectionExpression());
                }
            });
        }
        boolean[] flags = new boolean[insertable.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = insertable.get(i);
        }
        cached = new Mapping(persister, List.copyOf(parts), flags, table[0], List.copyOf(columns));
        return cached;
    }

    /** Receives one row's relational values in column order. */
    @FunctionalInterface
    private interface ValueSink {
        void accept(int column, Object value, JdbcMapping mapping);
    }

    /** Hands the entity's insertable relational values to {@code sink}, converted exactly as Hibernate converts them. */
    private static void forEachValue(SessionImplementor session, Mapping mapping, Object entity, ValueSink sink) {
        int[] at = {0, 0};
        for (ModelPart part : mapping.parts()) {
            Object domain = part == mapping.persister().getIdentifierMapping() ? identifier(session, mapping.persister(), entity)
                    : ((AttributeMapping) part).getValue(entity);
            part.forEachDisassembledJdbcValue(part.disassemble(domain, session), (i, value, jdbcMapping) -> {
                if (mapping.insertable()[at[0]++]) {
                    sink.accept(at[1]++, value, jdbcMapping);
                }
            }, session);
        }
    }

    private static Object identifier(SessionImplementor session, EntityPersister persister, Object entity) {
        Object id = persister.getIdentifier(entity, session);
        if (id != null) {
            return id;
        }
        Generator generator = persister.getGenerator();
        if (!(generator instanceof BeforeExecutionGenerator before)) {
            throw new IllegalStateException(persister.getEntityName() + ": ids generated by the database cannot be bulk-inserted");
        }
        id = before.generate(session, entity, null, EventType.INSERT);
        persister.setIdentifier(entity, id, session);
        return id;
    }

    private void copy(PGConnection connection, SessionImplementor session, Mapping mapping) throws SQLException {
        String sql = "copy " + mapping.table() + " (" + String.join(", ", mapping.columns()) + ") from stdin with (format csv)";
        CopyIn in = connection.getCopyAPI().copyIn(sql);
        try {
            CopyRows out = new CopyRows(in, mapping.columns().size(), blockSize);
            for (T entity : pending) {
                forEachValue(session, mapping, entity, (column, value, jdbcMapping) -> unchecked(() -> out.value(column, value)));
                out.endRow();
            }
            out.flush();
            in.endCopy();
        } catch (UncheckedSqlException e) {
            throw e.getCause();
        } finally {
            if (in.isActive()) {
                cancel(in);
            }
        }
    }

    /** Ends a COPY that failed on our side; the failure being thrown is the one to report, not this one's. */
    private static void cancel(CopyIn in) {
        try {
            in.cancelCopy();
        } catch (SQLException alsoFailed) {
            // The connection is already broken: the transaction fails with the first error.
        }
    }

    private void batch(Connection connection, SessionImplementor session, Mapping mapping) throws SQLException {
        String sql = "insert into " + mapping.table() + " (" + String.join(", ", mapping.columns()) + ") values ("
                + String.join(", ", Collections.nCopies(mapping.columns().size(), "?")) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (T entity : pending) {
                forEachValue(session, mapping, entity,
                        (column, value, jdbcMapping) -> bind(insert, column + 1, value, jdbcMapping, session));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (UncheckedSqlException e) {
            throw e.getCause();
        }
    }

    /** A binding failure carried out of the value callback, which cannot throw SQLException. */
    private static final class UncheckedSqlException extends RuntimeException {
        UncheckedSqlException(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static void bind(PreparedStatement insert, int index, Object value, JdbcMapping mapping, SessionImplementor session) {
        // Hibernate's own binder for the column: the same conversion (time zone, enum text, UUID) as its inserts.
        unchecked(() -> ((ValueBinder<Object>) mapping.getJdbcValueBinder()).bind(insert, value, index, session));
    }

    /** JDBC work inside a value callback, which cannot throw SQLException: carried out, then thrown again as it was. */
    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }

    private static void unchecked(SqlAction action) {
        try {
            action.run();
        } catch (SQLException e) {
            throw new UncheckedSqlException(e);
        }
    }
}
