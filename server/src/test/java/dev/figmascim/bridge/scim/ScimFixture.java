package dev.figmascim.bridge.scim;

import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.MemberStatus;
import dev.figmascim.bridge.model.OrgRole;
import dev.figmascim.bridge.model.SeatType;
import dev.figmascim.bridge.model.Team;
import dev.figmascim.bridge.model.TeamKind;
import dev.figmascim.bridge.model.TeamMembership;
import dev.figmascim.bridge.model.TeamRole;
import dev.figmascim.bridge.store.Store;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A small organisation with known attributes, for filter and query tests. Members are keyed by the
 * local part of their e-mail: ada, ben, chloe, dev, elena, hugo, jonas, zed.
 */
final class ScimFixture {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final Map<String, Member> members = new HashMap<>();
    final Map<String, Team> teams = new HashMap<>();

    static ScimFixture load(Store store) {
        ScimFixture f = new ScimFixture();
        store.run(f::populate);
        return f;
    }

    private final java.util.List<TeamMembership> pending = new java.util.ArrayList<>();

    private void populate(EntityManager em) {
        build(em);
        // Members are persisted once fully set up, so every fixture row starts at version 0.
        members.values().forEach(em::persist);
        pending.forEach(em::persist);
    }

    private void build(EntityManager em) {
        team(em, "Design Systems", TeamKind.TEAM, "111");
        team(em, "Web App", TeamKind.TEAM, "222");
        team(em, "Mobile", TeamKind.TEAM, null);
        team(em, "Product", TeamKind.WORKSPACE, null);

        Member ada = member(em, "ada@example.com", "Ada Park", OrgRole.ADMIN, SeatType.FULL, MemberStatus.ACTIVE);
        ada.setTitle("Design Ops Lead");
        ada.setDepartment("Design");
        ada.setExternalId("ext-ADA");
        ada.setFigmaAdmin(true);
        ada.setFigmaUserId("1001");
        ada.setManagedByIdp(true);
        ada.setLastActiveAt(Instant.parse("2026-05-03T10:00:00Z"));
        ada.setDateAdded(Instant.parse("2022-03-14T00:00:00Z"));
        join(em, ada, "Design Systems", TeamRole.OWNER);
        join(em, ada, "Web App", TeamRole.EDITOR);
        join(em, ada, "Product", TeamRole.UNKNOWN);

        Member ben = member(em, "ben@example.com", "Ben Okafor", OrgRole.MEMBER, SeatType.DEV, MemberStatus.ACTIVE);
        ben.setTitle("Senior Frontend Engineer");
        ben.setDepartment("Frontend");
        ben.setExternalId("ext-ben");
        ben.setManagedByIdp(true);
        ben.setLastActiveAt(Instant.parse("2026-04-28T00:00:00Z"));
        ben.setDateAdded(Instant.parse("2023-01-09T00:00:00Z"));
        ben.setManagerId(ada.id().toString());
        join(em, ben, "Web App", TeamRole.VIEWER);

        Member chloe = member(em, "chloe@example.com", "Chloe Martin", OrgRole.MEMBER, SeatType.FULL, MemberStatus.ACTIVE);
        chloe.setTitle("Product Designer");
        chloe.setDepartment("Design");
        chloe.setLastActiveAt(Instant.parse("2026-05-01T00:00:00Z"));
        chloe.setDateAdded(Instant.parse("2023-06-19T00:00:00Z"));
        join(em, chloe, "Mobile", TeamRole.ADMIN);
        join(em, chloe, "Design Systems", TeamRole.EDITOR);

        Member dev = member(em, "dev@example.com", "Dev Shah", OrgRole.MEMBER, SeatType.COLLAB, MemberStatus.INVITED);
        dev.setTitle("Product Manager");
        dev.setDepartment("PM");

        Member elena = member(em, "elena@example.com", "Elena Rossi", OrgRole.MEMBER, SeatType.VIEW, MemberStatus.REMOVED);
        elena.setTitle("Marketing Manager");
        elena.setDepartment("Brand");
        elena.setLastActiveAt(Instant.parse("2025-11-02T00:00:00Z"));

        Member hugo = member(em, "hugo@agency.example.net", "Hugo Bernard", OrgRole.GUEST, SeatType.FULL, MemberStatus.ACTIVE);
        hugo.setLastActiveAt(Instant.parse("2026-04-22T00:00:00Z"));
        join(em, hugo, "Web App", TeamRole.EDITOR);

        member(em, "jonas@example.com", null, OrgRole.MEMBER, SeatType.STARTER, MemberStatus.ACTIVE);

        Member zed = member(em, "zed@example.com", "Zed 100%_Off", OrgRole.MEMBER, SeatType.RESTRICTED, MemberStatus.ACTIVE);
        zed.setTitle("a_b\\c");
    }

    private void team(EntityManager em, String name, TeamKind kind, String figmaId) {
        Team t = new Team(name, kind, T0);
        t.setFigmaTeamId(figmaId);
        em.persist(t);
        teams.put(name, t);
    }

    private Member member(EntityManager em, String email, String name, OrgRole role, SeatType seat, MemberStatus status) {
        Member m = new Member(email, T0);
        NameParts parts = NameParts.of(name, null, null, email);
        m.setName(parts.formatted());
        m.setGivenName(parts.givenName());
        m.setFamilyName(parts.familyName());
        m.setOrgRole(role);
        m.setSeatType(seat);
        m.setStatus(status);
        members.put(email.substring(0, email.indexOf('@')), m);
        return m;
    }

    private void join(EntityManager em, Member m, String team, TeamRole role) {
        pending.add(new TeamMembership(m, teams.get(team), role));
    }
}
