package dev.figmascim.bridge.scim;

import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.TeamMembership;
import dev.figmascim.bridge.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads Members for the SCIM Users endpoint; memberships are fetched per page in one query. */
@ApplicationScoped
class MemberRepository {

    /** A member with its team memberships, ready to be represented. */
    record Loaded(Member member, List<TeamMembership> memberships) {
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
            ResourceQuery.Page<Member> page = query.find(em, request, counter);
            Map<UUID, List<TeamMembership>> byMember = withGroups && !page.resources().isEmpty()
                    ? memberships(em, page.resources().stream().map(Member::id).toList()) : Map.of();
            List<Loaded> loaded = page.resources().stream()
                    .map(m -> new Loaded(m, byMember.getOrDefault(m.id(), List.of()))).toList();
            return new ResourceQuery.Page<>(loaded, page.total());
        });
    }

    /** One cursor page (RFC 9865) after {@code at} (or before it, for a previousCursor), with memberships when wanted. */
    ResourceQuery.CursorPage<Loaded> findNear(ListRequest request, ResourceQuery.Position at, boolean previous, boolean withGroups) {
        return store.query(em -> {
            ResourceQuery.CursorPage<Member> page = previous ? query.findBefore(em, request, at, counter)
                    : query.findAfter(em, request, at, counter);
            Map<UUID, List<TeamMembership>> byMember = withGroups && !page.resources().isEmpty()
                    ? memberships(em, page.resources().stream().map(Member::id).toList()) : Map.of();
            List<Loaded> loaded = page.resources().stream()
                    .map(m -> new Loaded(m, byMember.getOrDefault(m.id(), List.of()))).toList();
            return new ResourceQuery.CursorPage<>(loaded, page.positions(), page.more(), page.total());
        });
    }

    ResourceQuery<Member> query() {
        return query;
    }

    private static Map<UUID, List<TeamMembership>> memberships(jakarta.persistence.EntityManager em, Collection<UUID> ids) {
        List<TeamMembership> rows = em.createQuery(
                        "select tm from TeamMembership tm join fetch tm.team t where tm.member.id in :ids order by t.nameLower, t.id",
                        TeamMembership.class)
                .setParameter("ids", ids).getResultList();
        Map<UUID, List<TeamMembership>> byMember = new HashMap<>();
        for (TeamMembership tm : rows) {
            byMember.computeIfAbsent(tm.getMember().id(), k -> new ArrayList<>()).add(tm);
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
