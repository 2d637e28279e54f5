package dev.figmascim.bridge.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.figmascim.bridge.model.ChangeEvent;
import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.scim.QueryParams;
import dev.figmascim.bridge.scim.ScimException;
import dev.figmascim.bridge.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code /admin/v1/changes}: the audit trail, oldest first, filtered by {@code since} (an instant),
 * {@code member} (a User id or an e-mail) and {@code run}, paged by {@code after} (the {@code next}
 * of the previous page: change ids grow with time, so pages are stable while new changes arrive).
 */
@ApplicationScoped
@Path("changes")
@Produces(MediaType.APPLICATION_JSON)
public class ChangesResource {

    private final Store store;

    @Inject
    ChangesResource(Store store) {
        this.store = store;
    }

    @GET
    public ObjectNode list(@QueryParam("since") String since, @QueryParam("member") String member, @QueryParam("run") String run,
                           @QueryParam("after") String afterId, @QueryParam("limit") String limit) {
        int size = Math.max(1, Math.min(QueryParams.integer(limit, "limit", 100), 1000));
        Long after = QueryParams.longValue(afterId, "after");
        Instant sinceTime = parseSince(since);
        UUID runId = run == null ? null : ReconciliationsResource.parseId(run);
        if (run != null && runId == null) {
            throw ScimException.invalidValue("run must be a reconciliation id");
        }
        List<ChangeEvent> events = store.read(em -> {
            UUID memberId = member == null ? null : resolveMember(em, member);
            List<String> where = new ArrayList<>();
            if (sinceTime != null) {
                where.add("e.occurredAt >= :since");
            }
            if (member != null) {
                where.add("e.entityId = :member");
            }
            if (runId != null) {
                where.add("e.runId = :run");
            }
            if (after != null) {
                where.add("e.id > :after");
            }
            String jpql = "select e from ChangeEvent e" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                    + " order by e.id";
            TypedQuery<ChangeEvent> q = em.createQuery(jpql, ChangeEvent.class);
            if (sinceTime != null) {
                q.setParameter("since", sinceTime);
            }
            if (member != null) {
                q.setParameter("member", memberId);
            }
            if (runId != null) {
                q.setParameter("run", runId);
            }
            if (after != null) {
                q.setParameter("after", after);
            }
            return q.setMaxResults(size + 1).getResultList();
        });
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode items = out.putArray("changes");
        events.stream().limit(size).forEach(e -> items.add(RunJson.change(e)));
        if (events.size() > size) {
            out.put("next", events.get(size - 1).id());
        }
        return out;
    }

    /** A User id, or an e-mail (case-insensitive); an unknown member matches nothing. */
    private static UUID resolveMember(jakarta.persistence.EntityManager em, String member) {
        UUID id = ReconciliationsResource.parseId(member);
        if (id != null) {
            return id;
        }
        return em.createQuery("select m.id from Member m where m.emailLower = :e", UUID.class)
                .setParameter("e", Member.normalizeEmail(member)).getResultList().stream().findFirst()
                .orElse(new UUID(0, 0));
    }

    private static Instant parseSince(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw ScimException.invalidValue("since must be an ISO-8601 instant such as 2026-01-02T03:04:05Z");
        }
    }
}
