package dev.figmascim.bridge.scim;

import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.TeamMembership;
import dev.figmascim.bridge.model.TeamRole;
import dev.figmascim.bridge.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads Members for the SCIM Users endpoint; memberships are fetched per page in one query. */
@ApplicationScoped
class MemberRepository {

    /** A member with its team memberships, ready to be represented. */
    record Loaded(Member member, List<Membership> memberships) {
    }

    /** One of a member's teams, as its representation shows it ({@code groups}, the bridge extension's {@code teams}). */
    record Membership(UUID teamId, String teamName, TeamRole role) {
        static Membership of(TeamMembership tm) {
            return new Membership(tm.getTeam().id(), tm.getTeam().getName(), tm.getRole());
        }
    }

    private final Store store;
    private final ResourceQuery.Counter counter;
    private final ResourceQuery<Member> query = new ResourceQuery<>(UserAttributes.TABLE, "id");

    @Inject
    MemberRepository(Store store, MatchCounts counts) {
        this.store = store;
        this.counter = counts.counter("Users", query);
    }

    /** Without remembered totals. */
    MemberRepository(Store store) {
        this(store, MatchCounts.none());
    }

    Optional<Loaded> get(String id) {
        UUID uuid = parse(id);
        if (uuid == null) {
            return Optional.empty();
        }
        return store.query(em -> Optional.ofNullable(em.find(Member.class, uuid))
                .map(m -> new Loaded(m, memberships(em, List.of(uuid)).getOrDefault(uuid, List.of()))));
    }

    /** One page of matches, their total, and (when wanted) each one's memberships. */
    ResourceQuery.Page<Loaded> find(ListRequest request, boolean withGroups) {
        return store.query(em -> {
            Optional<String> userName = UserNameLookup.value(request.filter());
            if (userName.isPresent()) {
                return byUserName(em, userName.get(), request, withGroups);
            }
            ResourceQuery.Page<Member> page = query.find(em, request, counter);
            Map<UUID, List<Membership>> byMember = withGroups && !page.resources().isEmpty()
                    ? memberships(em, page.resources().stream().map(Member::id).toList()) : Map.of();
            List<Loaded> loaded = page.resources().stream()
                    .map(m -> new Loaded(m, byMember.getOrDefault(m.id(), List.of()))).toList();
            return new ResourceQuery.Page<>(loaded, page.total());
        });
    }

    /**
     * {@code userName eq "…"}, the look-up every IdP makes, in one query by the unique e-mail index,
     * memberships joined in (in team order, as {@link #memberships}), with JPQL Hibernate has translated
     * once: the general path builds and translates a Criteria query per request and reads memberships
     * separately. At most one member matches, so sortBy cannot change the page and the total is the match.
     */
    private static ResourceQuery.Page<Loaded> byUserName(EntityManager em, String emailLower, ListRequest request, boolean withGroups) {
        List<Object[]> rows = withGroups
                ? em.createQuery("select m, t.id, t.name, tm.role from Member m left join TeamMembership tm on tm.member = m"
                        + " left join tm.team t where m.emailLower = :e order by t.nameLower, t.id", Object[].class)
                        .setParameter("e", emailLower).getResultList()
                : em.createQuery("select m from Member m where m.emailLower = :e", Member.class)
                        .setParameter("e", emailLower).getResultList().stream().map(m -> new Object[] {m}).toList();
        if (rows.isEmpty()) {
            return new ResourceQuery.Page<>(List.of(), 0);
        }
        List<Membership> memberships = new ArrayList<>();
        for (Object[] r : rows) {
            if (r.length > 1 && r[1] != null) {
                memberships.add(new Membership((UUID) r[1], (String) r[2], (TeamRole) r[3]));
            }
        }
        Loaded match = new Loaded((Member) rows.get(0)[0], memberships);
        return new ResourceQuery.Page<>(request.startIndex() == 1 && request.count() > 0 ? List.of(match) : List.of(), 1);
    }

    /** One cursor page (RFC 9865) after {@code at} (or before it, for a previousCursor), with memberships when wanted. */
    ResourceQuery.CursorPage<Loaded> findNear(ListRequest request, ResourceQuery.Position at, boolean previous, boolean withGroups) {
        return store.query(em -> {
            ResourceQuery.CursorPage<Member> page = previous ? query.findBefore(em, request, at, counter)
                    : query.findAfter(em, request, at, counter);
            Map<UUID, List<Membership>> byMember = withGroups && !page.resources().isEmpty()
                    ? memberships(em, page.resources().stream().map(Member::id).toList()) : Map.of();
            List<Loaded> loaded = page.resources().stream()
                    .map(m -> new Loaded(m, byMember.getOrDefault(m.id(), List.of()))).toList();
            return new ResourceQuery.CursorPage<>(loaded, page.positions(), page.more(), page.total());
        });
    }

    ResourceQuery<Member> query() {
        return query;
    }

    /**
     * The memberships of {@code ids}, each member's in team order (name, then id). Two small queries
     * rather than one join: joined, PostgreSQL hashes the whole team table for a page's few hundred
     * teams. The teams are ordered by the database, as before, so names compare in its collation. The
     * id range is redundant for correctness; it lets the planner see how few rows an index scan reads
     * (a cursor walk's pages are id ranges), where for a long IN list alone it picks a table scan.
     */
    private static Map<UUID, List<Membership>> memberships(EntityManager em, List<UUID> ids) {
        List<UUID> sorted = ids.stream().sorted(Comparator.comparing(UUID::toString)).toList();
        List<Object[]> rows = new ArrayList<>(em.createQuery("select tm.member.id, tm.team.id, tm.role from TeamMembership tm"
                        + " where tm.member.id in :ids and tm.member.id between :lo and :hi", Object[].class)
                .setParameter("ids", ids).setParameter("lo", sorted.get(0)).setParameter("hi", sorted.get(sorted.size() - 1))
                .getResultList());
        if (rows.isEmpty()) {
            return Map.of();
        }
        Set<UUID> teamIds = new HashSet<>();
        rows.forEach(r -> teamIds.add((UUID) r[1]));
        Map<UUID, Integer> rank = new HashMap<>();
        Map<UUID, String> names = new HashMap<>();
        for (Object[] t : em.createQuery("select t.id, t.name from Team t where t.id in :ids order by t.nameLower, t.id", Object[].class)
                .setParameter("ids", teamIds).getResultList()) {
            rank.put((UUID) t[0], rank.size());
            names.put((UUID) t[0], (String) t[1]);
        }
        rows.sort(Comparator.comparing(r -> rank.get((UUID) r[1])));
        Map<UUID, List<Membership>> byMember = new HashMap<>();
        for (Object[] r : rows) {
            UUID team = (UUID) r[1];
            byMember.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new Membership(team, names.get(team), (TeamRole) r[2]));
        }
        return byMember;
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
