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

/**
 * One field of one entity changed by one run: the audit trail. Ids come from a sequence, so they
 * grow with time and serve as the keyset for paging the history. The writer reserves them in blocks
 * of {@value #ID_BLOCK} (one {@code nextval} of {@value #ID_SEQUENCE}, whose increment is the block,
 * gives the block's first id), afresh in every run: a block left over from an earlier run in a
 * long-lived process would hand out ids lower than another replica's run in between.
 */
@Entity
@Table(name = "change_event")
public class ChangeEvent {

    /** Longest old/new value kept; the columns are 4000 characters. */
    public static final int MAX_VALUE_LENGTH = 4000;

    public static final String ID_SEQUENCE = "change_event_seq";
    public static final int ID_BLOCK = 1000;

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "run_id", nullable = false, updatable = false)
    private UUID runId;

    @Enumerated(EnumType.STRING)
    @Column(name = "entity_type", nullable = false, updatable = false)
    private EntityType entityType;

    @Column(name = "entity_id", updatable = false)
    private UUID entityId;

    @Column(name = "entity_key", updatable = false)
    private String entityKey;

    @Column(name = "field", nullable = false, updatable = false)
    private String field;

    @Column(name = "old_value", updatable = false)
    private String oldValue;

    @Column(name = "new_value", updatable = false)
    private String newValue;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    /** For JPA only. */
    protected ChangeEvent() {
    }

    public ChangeEvent(long id, UUID runId, EntityType entityType, UUID entityId, String entityKey, String field,
                       String oldValue, String newValue, Instant occurredAt) {
        this.id = id;
        this.runId = Objects.requireNonNull(runId, "runId");
        this.entityType = Objects.requireNonNull(entityType, "entityType");
        this.entityId = entityId;
        this.entityKey = entityKey;
        this.field = Objects.requireNonNull(field, "field");
        this.oldValue = cut(oldValue);
        this.newValue = cut(newValue);
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    }

    private static String cut(String value) {
        return value == null || value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH);
    }

    public Long id() {
        return id;
    }

    public UUID getRunId() {
        return runId;
    }

    public EntityType getEntityType() {
        return entityType;
    }

    public UUID getEntityId() {
        return entityId;
    }

    public String getEntityKey() {
        return entityKey;
    }

    public String getField() {
        return field;
    }

    public String getOldValue() {
        return oldValue;
    }

    public String getNewValue() {
        return newValue;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
