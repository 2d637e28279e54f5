package dev.figmascim.bridge.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.Objects;
import java.util.UUID;

/** A member's place in a team, with the role held there. */
@Entity
@Table(name = "team_membership")
public class TeamMembership {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "member_id", nullable = false, updatable = false)
    private Member member;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id", nullable = false, updatable = false)
    private Team team;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false)
    private TeamRole role;

    /** For JPA only. */
    protected TeamMembership() {
    }

    public TeamMembership(Member member, Team team, TeamRole role) {
        this.id = UUID.randomUUID();
        this.member = Objects.requireNonNull(member, "member");
        this.team = Objects.requireNonNull(team, "team");
        this.role = Objects.requireNonNull(role, "role");
    }

    public UUID id() {
        return id;
    }

    public Member getMember() {
        return member;
    }

    public Team getTeam() {
        return team;
    }

    public TeamRole getRole() {
        return role;
    }

    public void setRole(TeamRole role) {
        this.role = Objects.requireNonNull(role, "role");
    }
}
