package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.ChangeEvent;
import dev.figmascim.bridge.model.EntityType;
import dev.figmascim.bridge.store.BulkInsert;
import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SessionImplementor;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The audit trail of one run: every change the run applies is recorded here as a ChangeEvent, and the
 * first lines are kept for the summary. Also collects the run's warnings, counted per kind so that a
 * thousand skipped events make one line, not a thousand.
 *
 * <p>Events are insert-only and nothing in a run reads them back, so they are written in bulk
 * ({@link BulkInsert}) every {@value #WRITE_EVERY} events and at {@link #write()}: the run's row must
 * be in the database (flushed) before the first event is recorded.
 */
final class ChangeLog {

    private static final int MAX_CHANGE_LINES = 200;
    private static final int WRITE_EVERY = 5_000;

    private final EntityManager em;
    private final UUID runId;
    private final Instant now;
    private final List<String> lines = new ArrayList<>();
    private final Map<String, Integer> warnings = new LinkedHashMap<>();
    private final BulkInsert<ChangeEvent> pending = new BulkInsert<>(ChangeEvent.class);
    private long events;
    /** The next id of the reserved block, and the first id past it. */
    private long nextId;
    private long blockEnd;

    ChangeLog(EntityManager em, UUID runId, Instant now) {
        this.em = em;
        this.runId = runId;
        this.now = now;
    }

    void record(EntityType type, UUID id, String key, String field, String oldValue, String newValue) {
        events++;
        pending.add(new ChangeEvent(nextId(), runId, type, id, key, field, oldValue, newValue, now));
        if (pending.size() >= WRITE_EVERY) {
            write();
        }
        if (lines.size() < MAX_CHANGE_LINES) {
            lines.add(key + " " + field + ": " + (oldValue == null ? "∅" : oldValue) + " → " + (newValue == null ? "∅" : newValue));
        }
    }

    private long nextId() {
        if (nextId == blockEnd) {
            SessionImplementor session = em.unwrap(SessionImplementor.class);
            String sql = session.getFactory().getJdbcServices().getDialect().getSequenceSupport()
                    .getSequenceNextValString(ChangeEvent.ID_SEQUENCE);
            // Plain JDBC: a native query would flush the whole persistence context first.
            session.doWork(connection -> {
                try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                    nextId = rs.getLong(1);
                }
            });
            blockEnd = nextId + ChangeEvent.ID_BLOCK;
        }
        return nextId++;
    }

    /** Writes the events recorded since the last write. */
    void write() {
        pending.write(em);
    }

    /** A non-fatal note; the same text twice is counted, not repeated. */
    void warn(String text) {
        warnings.merge(text, 1, Integer::sum);
    }

    long events() {
        return events;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    List<String> warnings() {
        List<String> out = new ArrayList<>();
        warnings.forEach((text, n) -> out.add(n == 1 ? text : text + " (" + n + " times)"));
        return out;
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
