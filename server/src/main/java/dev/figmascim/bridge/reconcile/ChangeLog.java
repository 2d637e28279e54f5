package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.ChangeEvent;
import dev.figmascim.bridge.model.EntityType;
import jakarta.persistence.EntityManager;

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
 */
final class ChangeLog {

    private static final int MAX_CHANGE_LINES = 200;

    private final EntityManager em;
    private final UUID runId;
    private final Instant now;
    private final List<String> lines = new ArrayList<>();
    private final Map<String, Integer> warnings = new LinkedHashMap<>();
    private long events;

    ChangeLog(EntityManager em, UUID runId, Instant now) {
        this.em = em;
        this.runId = runId;
        this.now = now;
    }

    void record(EntityType type, UUID id, String key, String field, String oldValue, String newValue) {
        events++;
        em.persist(new ChangeEvent(runId, type, id, key, field, oldValue, newValue, now));
        if (lines.size() < MAX_CHANGE_LINES) {
            lines.add(key + " " + field + ": " + (oldValue == null ? "∅" : oldValue) + " → " + (newValue == null ? "∅" : newValue));
        }
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
