package dev.figmascim.bridge.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** How far an incremental source (the activity log) has been applied; committed with the run's data. */
@Entity
@Table(name = "source_cursor")
public class SourceCursor {

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, updatable = false)
    private Source source;

    @Column(name = "cursor_value", nullable = false)
    private String cursorValue;

    @Column(name = "run_id")
    private UUID runId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** For JPA only. */
    protected SourceCursor() {
    }

    public SourceCursor(Source source, String cursorValue, UUID runId, Instant at) {
        this.source = Objects.requireNonNull(source, "source");
        advance(cursorValue, runId, at);
    }

    /** Moves the cursor to {@code cursorValue}, written by run {@code runId}. */
    public void advance(String cursorValue, UUID runId, Instant at) {
        this.cursorValue = Objects.requireNonNull(cursorValue, "cursorValue");
        this.runId = runId;
        this.updatedAt = Objects.requireNonNull(at, "at");
    }

    public Source getSource() {
        return source;
    }

    public String getCursorValue() {
        return cursorValue;
    }

    public UUID getRunId() {
        return runId;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
