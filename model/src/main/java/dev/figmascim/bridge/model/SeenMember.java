package dev.figmascim.bridge.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Objects;
import java.util.UUID;

/** A member the running reconciliation has seen in its snapshot (scratch rows, see V2 migration). */
@Entity
@Table(name = "reconcile_seen")
public class SeenMember {

    @Id
    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;

    /** For JPA only. */
    protected SeenMember() {
    }

    public SeenMember(UUID memberId) {
        this.memberId = Objects.requireNonNull(memberId, "memberId");
    }

    public UUID memberId() {
        return memberId;
    }
}
