package dev.figmascim.bridge.scim;

import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.TeamMembership;
import dev.figmascim.bridge.model.TeamRole;
import dev.figmascim.bridge.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.SharedSessionContract;
import org.hibernate.query.NativeQuery;

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
    private final IdPages pages;
    private final ResourceQuery<Member> query = new ResourceQuery<>(UserAttributes.TABLE, "id");
    private final RepresentationCache.Versions<Loaded> versions = new UserVersions();

    @Inject
    MemberRepository(Store store, MatchCounts counts) {
        this.store = store;
        this.pages = new IdPages(store, query, counts, "Users");
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
        return store.readStateless(session -> Optional.ofNullable(loadOne(session, uuid).get(uuid)));
    }

    /** One page of matches, their total, and (when wanted) each one's memberships. */
    ResourceQuery.Page<Loaded> find(ListRequest request, boolean withGroups) {
        ResourceQuery.Page<UUID> page = findIds(request).value();
        return new ResourceQuery.Page<>(IdPages.inOrder(page.resources(), load(page.resources(), withGroups)), page.total());
    }

    /** One cursor page (RFC 9865) after {@code at} (or before it, for a previousCursor), with memberships when wanted. */
    ResourceQuery.CursorPage<Loaded> findNear(ListRequest request, ResourceQuery.Position at, boolean previous, boolean withGroups) {
        ResourceQuery.CursorPage<UUID> page = findIdsNear(request, at, previous).value();
        return new ResourceQuery.CursorPage<>(IdPages.inOrder(page.resources(), load(page.resources(), withGroups)),
                page.positions(), page.more(), page.total());
    }

    /** The ids of one page of matches, with the store generation they were read in (for cached representations). */
    StoreGeneration.Read<ResourceQuery.Page<UUID>> findIds(ListRequest request) {
        Optional<String> userName = UserNameLookup.value(request.filter());
        if (userName.isPresent()) {
            StoreGeneration.Read<List<UUID>> found = UserNameLookup.find(store.dataSource(), userName.get());
            return new StoreGeneration.Read<>(userNamePage(found.value(), request), found.generation());
        }
        return pages.find(request);
    }

    /** The ids of one cursor page, with the store generation they were read in. */
    StoreGeneration.Read<ResourceQuery.CursorPage<UUID>> findIdsNear(ListRequest request, ResourceQuery.Position at, boolean previous) {
        return pages.findNear(request, at, previous);
    }

    /** The store generation now. */
    List<UUID> generation() {
        return pages.generation();
    }

    /** The members of {@code ids} that exist, by id, with their memberships when wanted. */
    Map<UUID, Loaded> load(List<UUID> ids, boolean withGroups) {
        return ids.isEmpty() ? Map.of() : store.readStateless(session -> loadWith(session, ids, withGroups));
    }

    /** A User's version moves exactly when its representation changes (issue 4 §6): cached Users are checked by it. */
    RepresentationCache.Versions<Loaded> versions() {
        return versions;
    }

    private final class UserVersions implements RepresentationCache.Versions<Loaded> {
        @Override
        public long of(Loaded loaded) {
            return loaded.member().getVersion();
        }

        @Override
        public Map<UUID, Long> current(List<UUID> ids) {
            return store.readStateless(session -> {
                Map<UUID, Long> out = new HashMap<>();
                List<Object[]> rows = IdSet.of(ids).bind(session.createNativeQuery(
                        "select id, version from member where id in (:ids) and id between :lo and :hi", Object[].class)
                        .addScalar("id", UUID.class).addScalar("version", Long.class)).getResultList();
                rows.forEach(r -> out.put((UUID) r[0], (Long) r[1]));
                return out;
            });
        }
    }

    /** At most one member matches a user name, so sortBy cannot change the page and the total is the match. */
    private static ResourceQuery.Page<UUID> userNamePage(List<UUID> match, ListRequest request) {
        return new ResourceQuery.Page<>(request.startIndex() == 1 && request.count() > 0 ? match : List.of(), match.size());
    }

    private static Map<UUID, Loaded> loadWith(SharedSessionContract em, List<UUID> ids, boolean withGroups) {
        if (withGroups && ids.size() == 1) {
            return loadOne(em, ids.get(0));
        }
        IdSet set = IdSet.of(ids);
        Map<UUID, List<Membership>> byMember = withGroups ? memberships(em, set) : Map.of();
        Map<UUID, Loaded> loaded = new HashMap<>();
        for (Member m : set.bind(em.createNativeQuery("select * from member where id in (:ids) and id between :lo and :hi", Member.class))
                .getResultList()) {
            loaded.put(m.id(), new Loaded(m, byMember.getOrDefault(m.id(), List.of())));
        }
        return loaded;
    }

    /**
     * A page's ids for a native query's IN list, and the range they span. Native, not HQL: Hibernate
     * translated an HQL IN-list query anew for every list (a sixth of a cold page's CPU). An IN list, not
     * one array parameter ({@code = any(?)}): H2 evaluates a bound array row by row instead of probing its
     * index (a cache-less filtered page took 200 ms on H2). The range is redundant for correctness; it lets
     * the planner see how few rows an index scan reads (a cursor walk's pages are id ranges), where for the
     * list alone PostgreSQL scans the whole table (measured 12-20 ms for 1000 ids; 2.5 ms with the range).
     */
    private record IdSet(List<UUID> ids, UUID lo, UUID hi) {
        /** Ordered as the databases order uuids (unsigned, byte by byte: as their lower-case text). */
        static IdSet of(java.util.Collection<UUID> ids) {
            List<UUID> sorted = ids.stream().sorted(Comparator.comparing(UUID::toString)).toList();
            return new IdSet(sorted, sorted.get(0), sorted.get(sorted.size() - 1));
        }

        <R> NativeQuery<R> bind(NativeQuery<R> query) {
            query.setParameterList("ids", ids).setParameter("lo", lo).setParameter("hi", hi);
            return query;
        }
    }

    /**
     * One member with its memberships in one query (in team order, as {@link #memberships}): the look-up
     * of a single user (userName eq, a representation not cached yet) costs one round trip, not three.
     */
    private static Map<UUID, Loaded> loadOne(SharedSessionContract em, UUID id) {
        List<Object[]> rows = em.createQuery("select m, t.id, t.name, tm.role from Member m left join TeamMembership tm on tm.member = m"
                        + " left join tm.team t where m.id = :id order by t.nameLower, t.id", Object[].class)
                .setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            return Map.of();
        }
        List<Membership> memberships = new ArrayList<>();
        for (Object[] r : rows) {
            if (r[1] != null) {
                memberships.add(new Membership((UUID) r[1], (String) r[2], (TeamRole) r[3]));
            }
        }
        return Map.of(id, new Loaded((Member) rows.get(0)[0], memberships));
    }

    ResourceQuery<Member> query() {
        return query;
    }

    /**
     * The memberships of {@code ids}, each member's in team order (name, then id). Two small queries
     * rather than one join: joined, PostgreSQL hashes the whole team table for a page's few hundred
     * teams. The teams are ordered by the database, as before, so names compare in its collation.
     */
    private static Map<UUID, List<Membership>> memberships(SharedSessionContract em, IdSet ids) {
        List<Object[]> rows = new ArrayList<>(ids.bind(em.createNativeQuery(
                "select member_id, team_id, role from team_membership where member_id in (:ids) and member_id between :lo and :hi",
                Object[].class).addScalar("member_id", UUID.class).addScalar("team_id", UUID.class).addScalar("role", String.class))
                .getResultList());
        if (rows.isEmpty()) {
            return Map.of();
        }
        Set<UUID> teamIds = new HashSet<>();
        rows.forEach(r -> teamIds.add((UUID) r[1]));
        Map<UUID, Integer> rank = new HashMap<>();
        Map<UUID, String> names = new HashMap<>();
        List<Object[]> teams = IdSet.of(teamIds).bind(em.createNativeQuery(
                "select id, name from team where id in (:ids) and id between :lo and :hi order by name_lower, id", Object[].class)
                .addScalar("id", UUID.class).addScalar("name", String.class)).getResultList();
        for (Object[] t : teams) {
            rank.put((UUID) t[0], rank.size());
            names.put((UUID) t[0], (String) t[1]);
        }
        rows.sort(Comparator.comparing(r -> rank.get((UUID) r[1])));
        Map<UUID, List<Membership>> byMember = new HashMap<>();
        for (Object[] r : rows) {
            UUID team = (UUID) r[1];
            byMember.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                    .add(new Membership(team, names.get(team), TeamRole.valueOf((String) r[2])));
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
