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

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

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
    private final List<T> pending = new ArrayList<>();

    public BulkInsert(Class<T> type) {
        this.type = type;
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
        EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(type);
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
                insertable.add(s.isInsertable() && !s.isFormula());
                table[0] = s.getContainingTableExpression();
                if (s.isInsertable() && !s.isFormula()) {
                    columns.add(s.getSelectionExpression());
                }
            });
        }
        List<Row> rows = new ArrayList<>(pending.size());
        for (T entity : pending) {
            rows.add(row(session, persister, parts, insertable, entity));
        }
        session.doWork(connection -> {
            if (connection.isWrapperFor(PGConnection.class)) {
                copy(connection.unwrap(PGConnection.class), table[0], columns, rows);
            } else {
                batch(connection, session, table[0], columns, rows);
            }
        });
        pending.clear();
    }

    /** One row's relational values and the mappings that bind them. */
    private record Row(List<Object> values, List<JdbcMapping> mappings) {
    }

    private Row row(SessionImplementor session, EntityPersister persister, List<ModelPart> parts, List<Boolean> insertable,
            T entity) {
        List<Object> values = new ArrayList<>();
        List<JdbcMapping> mappings = new ArrayList<>();
        int[] selectable = {0};
        for (ModelPart part : parts) {
            Object domain = part == persister.getIdentifierMapping() ? identifier(session, persister, entity)
                    : ((AttributeMapping) part).getValue(entity);
            part.forEachDisassembledJdbcValue(part.disassemble(domain, session), (i, value, mapping) -> {
                if (insertable.get(selectable[0]++)) {
                    values.add(value);
                    mappings.add(mapping);
                }
            }, session);
        }
        return new Row(values, mappings);
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

    private static void copy(PGConnection connection, String table, List<String> columns, List<Row> rows) throws SQLException {
        StringBuilder data = new StringBuilder(rows.size() * 64 * columns.size());
        for (Row row : rows) {
            for (int i = 0; i < row.values().size(); i++) {
                if (i > 0) {
                    data.append(',');
                }
                appendCsv(data, row.values().get(i));
            }
            data.append('\n');
        }
        try {
            connection.getCopyAPI().copyIn("copy " + table + " (" + String.join(", ", columns) + ") from stdin with (format csv)",
                    new StringReader(data.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value in COPY's CSV format: nothing for NULL, text always quoted so that an empty string stays one. */
    private static void appendCsv(StringBuilder out, Object value) {
        switch (value) {
            case null -> {
            }
            case String s -> out.append('"').append(s.indexOf('"') < 0 ? s : s.replace("\"", "\"\"")).append('"');
            case Enum<?> e -> out.append(e.name());
            case Instant t -> out.append(t);
            case OffsetDateTime t -> out.append(t);
            case UUID u -> out.append(u);
            case Boolean b -> out.append(b);
            case Number n -> out.append(n);
            default -> throw new IllegalStateException("no COPY text form for " + value.getClass().getName());
        }
    }

    private static void batch(Connection connection, SessionImplementor session, String table, List<String> columns, List<Row> rows)
            throws SQLException {
        String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Row row : rows) {
                for (int i = 0; i < row.values().size(); i++) {
                    bind(insert, i + 1, row.values().get(i), row.mappings().get(i), session);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @SuppressWarnings("unchecked")
    private static void bind(PreparedStatement insert, int index, Object value, JdbcMapping mapping, SessionImplementor session)
            throws SQLException {
        // Hibernate's own binder for the column: the same conversion (time zone, enum text, UUID) as its inserts.
        ((ValueBinder<Object>) mapping.getJdbcValueBinder()).bind(insert, value, index, session);
    }
}
