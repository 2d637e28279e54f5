package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.MemberStatus;
import dev.figmascim.bridge.model.TeamMembership;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Maps a {@link Member} and its team memberships to a SCIM User (ARCHITECTURE §4, docs/scim-mapping.md).
 *
 * <p>Written straight to a {@link JsonGenerator}: a full representation goes into the representation
 * cache as bytes, and building a tree only to serialise it was a third of the server's CPU while a cursor
 * walk rendered 1000-user pages. A projection needs a tree; {@link #tree} gives one from the same writer.
 */
final class UserRepresentation {

    private UserRepresentation() {
    }

    /** From the entities, as tests build them. */
    static ObjectNode of(Member m, List<TeamMembership> memberships, String baseUrl) {
        return withTeams(m, memberships.stream().map(MemberRepository.Membership::of).toList(), baseUrl);
    }

    /** As a tree, for a projection. {@code memberships} in the order the representation lists them (team name, then id). */
    static ObjectNode withTeams(Member m, List<MemberRepository.Membership> memberships, String baseUrl) {
        return ScimJson.tree(out -> write(m, memberships, baseUrl, out));
    }

    /** The representation as one JSON object. {@code memberships} in the order it lists them (team name, then id). */
    static void write(Member m, List<MemberRepository.Membership> memberships, String baseUrl, JsonGenerator out) throws IOException {
        boolean enterprise = hasEnterprise(m);
        out.writeStartObject();
        out.writeArrayFieldStart("schemas");
        out.writeString(ScimUrns.USER);
        if (enterprise) {
            out.writeString(ScimUrns.ENTERPRISE_USER);
        }
        out.writeString(ScimUrns.FIGMA_USER);
        out.writeString(ScimUrns.BRIDGE_USER);
        out.writeEndArray();
        out.writeStringField("id", m.id().toString());
        writeIfPresent(out, "externalId", m.getExternalId());
        out.writeStringField("userName", m.getEmail());
        NameParts name = NameParts.of(m.getName(), m.getGivenName(), m.getFamilyName(), m.getEmail());
        out.writeObjectFieldStart("name");
        out.writeStringField("formatted", name.formatted());
        out.writeStringField("givenName", name.givenName());
        out.writeStringField("familyName", name.familyName());
        out.writeEndObject();
        out.writeStringField("displayName", name.formatted());
        writeIfPresent(out, "title", m.getTitle());
        out.writeBooleanField("active", m.getStatus() == MemberStatus.ACTIVE);
        out.writeArrayFieldStart("emails");
        out.writeStartObject();
        out.writeStringField("value", m.getEmail());
        out.writeStringField("type", "work");
        out.writeBooleanField("primary", true);
        out.writeEndObject();
        out.writeEndArray();
        out.writeArrayFieldStart("roles");
        writeRole(out, "orgRole", DisplayNames.of(m.getOrgRole()));
        writeRole(out, "seatType", DisplayNames.of(m.getSeatType()));
        out.writeEndArray();
        out.writeArrayFieldStart("groups");
        for (MemberRepository.Membership tm : memberships) {
            String teamId = tm.teamId().toString();
            out.writeStartObject();
            out.writeStringField("value", teamId);
            out.writeStringField("display", tm.teamName());
            out.writeStringField("$ref", baseUrl + "Groups/" + teamId);
            out.writeStringField("type", "direct");
            out.writeEndObject();
        }
        out.writeEndArray();
        if (enterprise) {
            writeEnterprise(m, baseUrl, out);
        }
        out.writeObjectFieldStart(ScimUrns.FIGMA_USER);
        out.writeBooleanField("figmaAdmin", m.isFigmaAdmin());
        out.writeEndObject();
        writeBridge(m, memberships, out);
        Meta.write(out, "User", m.getCreatedAt(), m.getLastModified(), baseUrl + "Users/" + m.id(), m.getVersion());
        out.writeEndObject();
    }

    private static boolean hasEnterprise(Member m) {
        return present(m.getEmployeeNumber()) || present(m.getCostCenter()) || present(m.getOrganization())
                || present(m.getDivision()) || present(m.getDepartment()) || m.getManagerId() != null;
    }

    private static void writeEnterprise(Member m, String baseUrl, JsonGenerator out) throws IOException {
        out.writeObjectFieldStart(ScimUrns.ENTERPRISE_USER);
        writeIfPresent(out, "employeeNumber", m.getEmployeeNumber());
        writeIfPresent(out, "costCenter", m.getCostCenter());
        writeIfPresent(out, "organization", m.getOrganization());
        writeIfPresent(out, "division", m.getDivision());
        writeIfPresent(out, "department", m.getDepartment());
        if (m.getManagerId() != null) {
            out.writeObjectFieldStart("manager");
            out.writeStringField("value", m.getManagerId());
            out.writeStringField("$ref", baseUrl + "Users/" + m.getManagerId());
            out.writeEndObject();
        }
        out.writeEndObject();
    }

    private static void writeBridge(Member m, List<MemberRepository.Membership> memberships, JsonGenerator out) throws IOException {
        out.writeObjectFieldStart(ScimUrns.BRIDGE_USER);
        out.writeStringField("orgRole", DisplayNames.of(m.getOrgRole()));
        out.writeStringField("seatType", DisplayNames.of(m.getSeatType()));
        out.writeStringField("status", DisplayNames.of(m.getStatus()));
        writeIfPresent(out, "figmaUserId", m.getFigmaUserId());
        writeIfPresent(out, "dateAdded", ScimDates.format(m.getDateAdded()));
        writeIfPresent(out, "dateUpgraded", ScimDates.format(m.getDateUpgraded()));
        writeIfPresent(out, "lastEditAt", ScimDates.format(m.getLastEditAt()));
        writeIfPresent(out, "lastActiveAt", ScimDates.format(m.getLastActiveAt()));
        writeIfPresent(out, "lastSignInAt", ScimDates.format(m.getLastSignInAt()));
        out.writeBooleanField("managedByIdp", m.isManagedByIdp());
        writeIfPresent(out, "workspace", m.getWorkspace());
        writeIfPresent(out, "billingGroup", m.getBillingGroup());
        writeIfPresent(out, "managerEmail", m.getManagerEmail());
        out.writeArrayFieldStart("teams");
        for (MemberRepository.Membership tm : memberships) {
            out.writeStartObject();
            out.writeStringField("value", tm.teamId().toString());
            out.writeStringField("display", tm.teamName());
            out.writeStringField("role", DisplayNames.of(tm.role()));
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("sources");
        writeSource(out, "Csv", m.getCsvSeenAt());
        writeSource(out, "FigmaScim", m.getFigmaScimSeenAt());
        writeSource(out, "ActivityLog", m.getActivitySeenAt());
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void writeRole(JsonGenerator out, String type, String value) throws IOException {
        out.writeStartObject();
        out.writeStringField("type", type);
        out.writeStringField("value", value);
        out.writeEndObject();
    }

    private static void writeSource(JsonGenerator out, String name, Instant seen) throws IOException {
        if (seen != null) {
            out.writeStartObject();
            out.writeStringField("name", name);
            out.writeStringField("lastSeenAt", ScimDates.format(seen));
            out.writeEndObject();
        }
    }

    private static void writeIfPresent(JsonGenerator out, String field, String value) throws IOException {
        if (present(value)) {
            out.writeStringField(field, value);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}
