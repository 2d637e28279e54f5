package dev.figmascim.bridge.scim;

import dev.figmascim.bridge.model.Team;
import dev.figmascim.bridge.model.TeamMembership;
import dev.figmascim.bridge.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads Teams for the SCIM Groups endpoint; members are loaded only when the client can see them. */
@ApplicationScoped
class TeamRepository {

    /** A team with its memberships, or null memberships when they were not asked for. */
    record Loaded(Team team, List<TeamMembership> memberships) {
    }

    private final Store store;
    private final IdPages pages;
    private final ResourceQuery<Team> query = new ResourceQuery<>(GroupAttributes.TABLE, "id");

    @Inject
    TeamRepository(Store store, MatchCounts counts) {
        this.store = store;
        this.pages = new IdPages(store, query, counts, "Groups");
    }

    /** Without remembered totals. */
    TeamRepository(Store store) {
        this(store, MatchCounts.none());
    }

    Optional<Loaded> get(String id, boolean withMembers) {
        UUID uuid = MemberRepository.parse(id);
        if (uuid == null) {
            return Optional.empty();
        }
        return store.query(em -> Optional.ofNullable(em.find(Team.class, uuid))
                .map(t -> new Loaded(t, withMembers ? members(em, List.of(uuid)).getOrDefault(uuid, List.of()) : null)));
    }

    ResourceQuery.Page<Loaded> find(ListRequest request, boolean withMembers) {
        ResourceQuery.Page<UUID> page = pages.find(request).value();
        return new ResourceQuery.Page<>(IdPages.inOrder(page.resources(), load(page.resources(), withMembers)), page.total());
    }

    /** One cursor page (RFC 9865) after {@code at} (or before it, for a previousCursor), with members when wanted. */
    ResourceQuery.CursorPage<Loaded> findNear(ListRequest request, ResourceQuery.Position at, boolean previous, boolean withMembers) {
        ResourceQuery.CursorPage<UUID> page = pages.findNear(request, at, previous).value();
        return new ResourceQuery.CursorPage<>(IdPages.inOrder(page.resources(), load(page.resources(), withMembers)),
                page.positions(), page.more(), page.total());
    }

    /** The ids of one page of matches, with the store generation they were read in (for cached representations). */
    StoreGeneration.Read<ResourceQuery.Page<UUID>> findIds(ListRequest request) {
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

    /** The teams of {@code ids} that exist, by id, with their memberships when wanted. */
    Map<UUID, Loaded> load(List<UUID> ids, boolean withMembers) {
        return ids.isEmpty() ? Map.of() : store.query(em -> load(em, ids, withMembers));
    }

    private static Map<UUID, Loaded> load(EntityManager em, List<UUID> ids, boolean withMembers) {
        Map<UUID, List<TeamMembership>> byTeam = withMembers ? members(em, ids) : Map.of();
        Map<UUID, Loaded> loaded = new HashMap<>();
        for (Team t : em.createQuery("select t from Team t where t.id in :ids", Team.class).setParameter("ids", ids).getResultList()) {
            loaded.put(t.id(), new Loaded(t, withMembers ? byTeam.getOrDefault(t.id(), List.of()) : null));
        }
        return loaded;
    }

    ResourceQuery<Team> query() {
        return query;
    }

    private static Map<UUID, List<TeamMembership>> members(EntityManager em, Collection<UUID> ids) {
        List<TeamMembership> rows = em.createQuery(
                        "select tm from TeamMembership tm join fetch tm.member m where tm.team.id in :ids order by m.emailLower",
                        TeamMembership.class)
                .setParameter("ids", ids).getResultList();
        Map<UUID, List<TeamMembership>> byTeam = new HashMap<>();
        for (TeamMembership tm : rows) {
            byTeam.computeIfAbsent(tm.getTeam().id(), k -> new ArrayList<>()).add(tm);
        }
        return byTeam;
    }
}
