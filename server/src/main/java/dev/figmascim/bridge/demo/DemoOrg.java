package dev.figmascim.bridge.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.MemberStatus;
import dev.figmascim.bridge.model.OrgRole;
import dev.figmascim.bridge.model.SeatType;
import dev.figmascim.bridge.model.Team;
import dev.figmascim.bridge.model.TeamKind;
import dev.figmascim.bridge.model.TeamMembership;
import dev.figmascim.bridge.model.TeamRole;
import dev.figmascim.bridge.scim.NameParts;
import dev.figmascim.bridge.store.Store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads the shipped sample organisation into an empty store. Dates in the file are day counts before
 * today, so the demo always looks current (idle seats stay idle, recent activity stays recent).
 */
public final class DemoOrg {

    static final String RESOURCE = "/demo/demo-org.json";

    private DemoOrg() {
    }

    /** Loads the demo organisation; returns the number of members. */
    public static int load(Store store) {
        JsonNode doc = read();
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        return store.inTransaction(em -> {
            Map<String, Team> teams = new HashMap<>();
            for (JsonNode t : doc.get("teams")) {
                Team team = new Team(t.get("name").asText(), TeamKind.valueOf(t.get("kind").asText()), today);
                if (t.hasNonNull("figmaTeamId")) {
                    team.setFigmaTeamId(t.get("figmaTeamId").asText());
                }
                em.persist(team);
                teams.put(team.getName(), team);
            }
            // Build every member first, so managers resolve before anything is written: the demo
            // starts at version 0, as a fresh reconciliation would.
            Map<String, Member> byEmail = new HashMap<>();
            for (JsonNode j : doc.get("members")) {
                Member m = member(j, today);
                byEmail.put(m.getEmailLower(), m);
            }
            for (Member m : byEmail.values()) {
                Member manager = m.getManagerEmail() == null ? null : byEmail.get(Member.normalizeEmail(m.getManagerEmail()));
                if (manager != null) {
                    m.setManagerId(manager.id().toString());
                }
                em.persist(m);
            }
            for (JsonNode j : doc.get("members")) {
                Member m = byEmail.get(Member.normalizeEmail(j.get("email").asText()));
                for (JsonNode t : j.get("teams")) {
                    em.persist(new TeamMembership(m, teams.get(t.get("name").asText()), TeamRole.valueOf(t.get("role").asText())));
                }
                joinGrouping(em, m, teams.get(m.getWorkspace()));
                joinGrouping(em, m, teams.get(m.getBillingGroup()));
            }
            return byEmail.size();
        });
    }

    private static void joinGrouping(jakarta.persistence.EntityManager em, Member m, Team grouping) {
        if (grouping != null && m.getStatus() != MemberStatus.REMOVED) {
            em.persist(new TeamMembership(m, grouping, TeamRole.UNKNOWN));
        }
    }

    private static Member member(JsonNode j, Instant today) {
        Instant added = daysAgo(j, "addedDaysAgo", today);
        Member m = new Member(j.get("email").asText(), added == null ? today : added);
        String name = text(j, "name");
        NameParts parts = NameParts.of(name, null, null, m.getEmail());
        m.setName(parts.formatted());
        m.setGivenName(parts.givenName());
        m.setFamilyName(parts.familyName());
        m.setTitle(text(j, "title"));
        m.setOrgRole(OrgRole.valueOf(j.get("orgRole").asText()));
        m.setSeatType(SeatType.valueOf(j.get("seatType").asText()));
        m.setStatus(MemberStatus.valueOf(j.get("status").asText()));
        m.setFigmaAdmin(j.path("figmaAdmin").asBoolean(false));
        m.setFigmaUserId(text(j, "figmaUserId"));
        m.setExternalId(text(j, "externalId"));
        m.setManagedByIdp(j.path("managedByIdp").asBoolean(false));
        m.setEmployeeNumber(text(j, "employeeNumber"));
        m.setCostCenter(text(j, "costCenter"));
        m.setOrganization(text(j, "organization"));
        m.setDivision(text(j, "division"));
        m.setDepartment(text(j, "department"));
        m.setManagerEmail(text(j, "manager"));
        m.setWorkspace(text(j, "workspace"));
        m.setBillingGroup(text(j, "billingGroup"));
        m.setDateAdded(added);
        m.setDateUpgraded(daysAgo(j, "upgradedDaysAgo", today));
        m.setLastEditAt(daysAgo(j, "lastEditDaysAgo", today));
        m.setLastActiveAt(daysAgo(j, "lastActiveDaysAgo", today));
        m.setLastSignInAt(daysAgo(j, "lastSignInDaysAgo", today));
        m.setCsvSeenAt(today);
        if (m.isManagedByIdp()) {
            m.setFigmaScimSeenAt(today);
        }
        return m;
    }

    private static Instant daysAgo(JsonNode j, String field, Instant today) {
        return j.hasNonNull(field) ? today.minus(j.get(field).asLong(), ChronoUnit.DAYS) : null;
    }

    private static String text(JsonNode j, String field) {
        return j.hasNonNull(field) ? j.get(field).asText() : null;
    }

    private static JsonNode read() {
        try (InputStream in = DemoOrg.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo data " + RESOURCE + " is missing from the jar");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
