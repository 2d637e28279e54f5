package dev.figmascim.bridge.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.SequenceGenerator;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One field of one entity changed by one run: the audit trail. Ids come from a sequence, so they
 * grow with time and serve as the keyset for paging the history.
 */
@Entity
@Table(name = "change_event")
public class ChangeEvent {

    /** Longest old/new value kept; the columns are 4000 characters. */
    public static final int MAX_VALUE_LENGTH = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "change_event_seq")
    @SequenceGenerator(name = "change_event_seq", sequenceName = "change_event_seq", allocationSize = 50)
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

    public ChangeEvent(UUID runId, EntityType entityType, UUID entityId, String entityKey, String field,
                       String oldValue, String newValue, Instant occurredAt) {
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
