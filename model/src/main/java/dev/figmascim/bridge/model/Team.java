package dev.figmascim.bridge.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/** A Figma team, workspace or billing group: a SCIM Group. The name is unique within its kind. */
@Entity
@Table(name = "team")
public class Team {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "figma_team_id")
    private String figmaTeamId;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "name_lower", nullable = false)
    private String nameLower;

    /** Changeable: whether a Figma SCIM group is a workspace or a billing group may only become clear later. */
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private TeamKind kind;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_modified", nullable = false)
    private Instant lastModified;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** For JPA only. */
    protected Team() {
    }

    public Team(String name, TeamKind kind, Instant now) {
        this.id = UUID.randomUUID();
        setName(name);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.createdAt = Objects.requireNonNull(now, "now");
        this.lastModified = now;
    }

    /** Lower-cases a team name the way the store compares them. */
    public static String normalizeName(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    public UUID id() {
        return id;
    }

    public String getFigmaTeamId() {
        return figmaTeamId;
    }

    public void setFigmaTeamId(String figmaTeamId) {
        this.figmaTeamId = figmaTeamId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a team needs a name");
        }
        this.name = name.trim();
        this.nameLower = normalizeName(name);
    }

    public TeamKind getKind() {
        return kind;
    }

    /**
     * Reclassifies a workspace as a billing group or back. A Figma team never becomes a grouping nor the
     * reverse: they are different things in Figma, not different views of one.
     */
    public void setKind(TeamKind kind) {
        Objects.requireNonNull(kind, "kind");
        if ((kind == TeamKind.TEAM) != (this.kind == TeamKind.TEAM)) {
            throw new IllegalArgumentException("a " + this.kind + " cannot become a " + kind);
        }
        this.kind = kind;
    }

    /** Marks the team changed now (e.g. its members changed), so its version moves on. */
    public void touch(Instant now) {
        this.lastModified = now;
    }

    /** Hibernate calls this only when a flush found a real change: the change's time is now. */
    @PreUpdate
    void onUpdate() {
        lastModified = Instant.now();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastModified() {
        return lastModified;
    }

    public long getVersion() {
        return version;
    }
}
