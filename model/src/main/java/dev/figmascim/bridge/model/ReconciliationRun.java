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

/** One reconciliation of one source's snapshot or event batch into the store: the audit's unit. */
@Entity
@Table(name = "reconciliation_run")
public class ReconciliationRun {

    /** Longest error text kept; the column is 8000 characters. */
    public static final int MAX_ERROR_LENGTH = 8000;

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, updatable = false)
    private Source source;

    @Column(name = "file_name", updatable = false)
    private String fileName;

    @Column(name = "file_sha256", updatable = false)
    private String fileSha256;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private RunStatus status;

    @Column(name = "dry_run", nullable = false, updatable = false)
    private boolean dryRun;

    @Column(name = "added_count", nullable = false)
    private int added;

    @Column(name = "updated_count", nullable = false)
    private int updated;

    @Column(name = "removed_count", nullable = false)
    private int removed;

    @Column(name = "unchanged_count", nullable = false)
    private int unchanged;

    @Column(name = "error")
    private String error;

    /** For JPA only. */
    protected ReconciliationRun() {
    }

    public ReconciliationRun(Source source, String fileName, String fileSha256, boolean dryRun, Instant startedAt) {
        this.id = UUID.randomUUID();
        this.source = Objects.requireNonNull(source, "source");
        this.fileName = fileName;
        this.fileSha256 = fileSha256;
        this.dryRun = dryRun;
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.status = RunStatus.RUNNING;
    }

    /** Closes the run as succeeded with its counts. */
    public void succeed(int added, int updated, int removed, int unchanged, Instant at) {
        this.added = added;
        this.updated = updated;
        this.removed = removed;
        this.unchanged = unchanged;
        this.status = RunStatus.SUCCEEDED;
        this.finishedAt = at;
    }

    /** Closes the run as failed; the message is cut to the column's size. */
    public void fail(String message, Instant at) {
        this.status = RunStatus.FAILED;
        this.error = message == null ? null
                : message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
        this.finishedAt = at;
    }

    public UUID id() {
        return id;
    }

    public Source getSource() {
        return source;
    }

    public String getFileName() {
        return fileName;
    }

    public String getFileSha256() {
        return fileSha256;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public RunStatus getStatus() {
        return status;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public int getAdded() {
        return added;
    }

    public int getUpdated() {
        return updated;
    }

    public int getRemoved() {
        return removed;
    }

    public int getUnchanged() {
        return unchanged;
    }

    public String getError() {
        return error;
    }
}
