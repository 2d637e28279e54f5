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
    private final ResourceQuery.Counter counter;
    private final ResourceQuery<Team> query = new ResourceQuery<>(GroupAttributes.TABLE, "id");

    @Inject
    TeamRepository(Store store, MatchCounts counts) {
        this.store = store;
        this.counter = counts.counter("Groups", query);
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
        return store.query(em -> {
            ResourceQuery.Page<Team> page = query.find(em, request, counter);
            Map<UUID, List<TeamMembership>> byTeam = withMembers && !page.resources().isEmpty()
                    ? members(em, page.resources().stream().map(Team::id).toList()) : Map.of();
            List<Loaded> loaded = page.resources().stream()
                    .map(t -> new Loaded(t, withMembers ? byTeam.getOrDefault(t.id(), List.of()) : null)).toList();
            return new ResourceQuery.Page<>(loaded, page.total());
        });
    }

    /** One cursor page (RFC 9865) after {@code at} (or before it, for a previousCursor), with members when wanted. */
    ResourceQuery.CursorPage<Loaded> findNear(ListRequest request, ResourceQuery.Position at, boolean previous, boolean withMembers) {
        return store.query(em -> {
            ResourceQuery.CursorPage<Team> page = previous ? query.findBefore(em, request, at, counter)
                    : query.findAfter(em, request, at, counter);
            Map<UUID, List<TeamMembership>> byTeam = withMembers && !page.resources().isEmpty()
                    ? members(em, page.resources().stream().map(Team::id).toList()) : Map.of();
            List<Loaded> loaded = page.resources().stream()
                    .map(t -> new Loaded(t, withMembers ? byTeam.getOrDefault(t.id(), List.of()) : null)).toList();
            return new ResourceQuery.CursorPage<>(loaded, page.positions(), page.more(), page.total());
        });
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
