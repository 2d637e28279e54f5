package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.MemberStatus;
import dev.figmascim.bridge.model.TeamMembership;

import java.time.Instant;
import java.util.List;

/** Maps a {@link Member} and its team memberships to a SCIM User (ARCHITECTURE §4, docs/scim-mapping.md). */
final class UserRepresentation {

    private UserRepresentation() {
    }

    /** From the entities, as tests build them. */
    static ObjectNode of(Member m, List<TeamMembership> memberships, String baseUrl) {
        return withTeams(m, memberships.stream().map(MemberRepository.Membership::of).toList(), baseUrl);
    }

    /** {@code memberships} in the order the representation lists them (team name, then id). */
    static ObjectNode withTeams(Member m, List<MemberRepository.Membership> memberships, String baseUrl) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode user = f.objectNode();
        ArrayNode schemas = user.putArray("schemas").add(ScimUrns.USER);
        user.put("id", m.id().toString());
        putIfPresent(user, "externalId", m.getExternalId());
        user.put("userName", m.getEmail());
        NameParts name = NameParts.of(m.getName(), m.getGivenName(), m.getFamilyName(), m.getEmail());
        ObjectNode nameNode = user.putObject("name");
        nameNode.put("formatted", name.formatted());
        nameNode.put("givenName", name.givenName());
        nameNode.put("familyName", name.familyName());
        user.put("displayName", name.formatted());
        putIfPresent(user, "title", m.getTitle());
        user.put("active", m.getStatus() == MemberStatus.ACTIVE);
        ObjectNode email = user.putArray("emails").addObject();
        email.put("value", m.getEmail());
        email.put("type", "work");
        email.put("primary", true);
        ArrayNode roles = user.putArray("roles");
        roles.addObject().put("type", "orgRole").put("value", DisplayNames.of(m.getOrgRole()));
        roles.addObject().put("type", "seatType").put("value", DisplayNames.of(m.getSeatType()));
        ArrayNode groups = user.putArray("groups");
        for (MemberRepository.Membership tm : memberships) {
            String teamId = tm.teamId().toString();
            groups.addObject().put("value", teamId).put("display", tm.teamName())
                    .put("$ref", baseUrl + "Groups/" + teamId).put("type", "direct");
        }

        ObjectNode enterprise = f.objectNode();
        putIfPresent(enterprise, "employeeNumber", m.getEmployeeNumber());
        putIfPresent(enterprise, "costCenter", m.getCostCenter());
        putIfPresent(enterprise, "organization", m.getOrganization());
        putIfPresent(enterprise, "division", m.getDivision());
        putIfPresent(enterprise, "department", m.getDepartment());
        if (m.getManagerId() != null) {
            enterprise.putObject("manager").put("value", m.getManagerId()).put("$ref", baseUrl + "Users/" + m.getManagerId());
        }
        if (!enterprise.isEmpty()) {
            schemas.add(ScimUrns.ENTERPRISE_USER);
            user.set(ScimUrns.ENTERPRISE_USER, enterprise);
        }

        schemas.add(ScimUrns.FIGMA_USER);
        user.putObject(ScimUrns.FIGMA_USER).put("figmaAdmin", m.isFigmaAdmin());

        schemas.add(ScimUrns.BRIDGE_USER);
        ObjectNode bridge = user.putObject(ScimUrns.BRIDGE_USER);
        bridge.put("orgRole", DisplayNames.of(m.getOrgRole()));
        bridge.put("seatType", DisplayNames.of(m.getSeatType()));
        bridge.put("status", DisplayNames.of(m.getStatus()));
        putIfPresent(bridge, "figmaUserId", m.getFigmaUserId());
        putIfPresent(bridge, "dateAdded", ScimDates.format(m.getDateAdded()));
        putIfPresent(bridge, "dateUpgraded", ScimDates.format(m.getDateUpgraded()));
        putIfPresent(bridge, "lastEditAt", ScimDates.format(m.getLastEditAt()));
        putIfPresent(bridge, "lastActiveAt", ScimDates.format(m.getLastActiveAt()));
        putIfPresent(bridge, "lastSignInAt", ScimDates.format(m.getLastSignInAt()));
        bridge.put("managedByIdp", m.isManagedByIdp());
        putIfPresent(bridge, "workspace", m.getWorkspace());
        putIfPresent(bridge, "billingGroup", m.getBillingGroup());
        putIfPresent(bridge, "managerEmail", m.getManagerEmail());
        ArrayNode teams = bridge.putArray("teams");
        for (MemberRepository.Membership tm : memberships) {
            teams.addObject().put("value", tm.teamId().toString()).put("display", tm.teamName())
                    .put("role", DisplayNames.of(tm.role()));
        }
        ArrayNode sources = bridge.putArray("sources");
        addSource(sources, "Csv", m.getCsvSeenAt());
        addSource(sources, "FigmaScim", m.getFigmaScimSeenAt());
        addSource(sources, "ActivityLog", m.getActivitySeenAt());

        user.set("meta", Meta.of("User", m.getCreatedAt(), m.getLastModified(), baseUrl + "Users/" + m.id(), m.getVersion()));
        return user;
    }

    private static void addSource(ArrayNode sources, String name, Instant seen) {
        if (seen != null) {
            sources.addObject().put("name", name).put("lastSeenAt", ScimDates.format(seen));
        }
    }

    static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }
}
