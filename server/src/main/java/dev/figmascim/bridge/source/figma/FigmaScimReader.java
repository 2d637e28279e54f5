package dev.figmascim.bridge.source.figma;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Turns Figma's SCIM JSON into records, accepting every quirk Figma is known for (see docs/figma-sources.md). */
final class FigmaScimReader {

    static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String FIGMA_USER = "urn:ietf:params:scim:schemas:extension:figma:enterprise:2.0:User";

    private FigmaScimReader() {
    }

    /** The user, or null when the resource has no id (nothing could be joined on it). */
    static FigmaScimUser user(JsonNode node) {
        String id = Tolerant.text(node, "id");
        if (id == null) {
            return null;
        }
        JsonNode name = node.path("name");
        JsonNode enterprise = Tolerant.field(node, ENTERPRISE_USER);
        JsonNode figma = Tolerant.field(node, FIGMA_USER);
        Boolean active = Tolerant.bool(node.get("active"));
        return new FigmaScimUser(
                id,
                Tolerant.text(node, "userName"),
                Tolerant.firstText(node, "externalId", "external_id"),
                Tolerant.text(node, "displayName"),
                Tolerant.text(name, "givenName"),
                Tolerant.text(name, "familyName"),
                Tolerant.text(node, "title"),
                active == null || active,
                seatType(node.get("roles")),
                figma == null ? null : Tolerant.bool(figma.get("figmaAdmin")),
                Tolerant.text(enterprise, "employeeNumber"),
                Tolerant.text(enterprise, "costCenter"),
                Tolerant.text(enterprise, "organization"),
                Tolerant.text(enterprise, "division"),
                Tolerant.text(enterprise, "department"),
                manager(enterprise == null ? null : enterprise.get("manager")),
                email(node.get("emails")));
    }

    /** The group, or null when the resource has no id. */
    static FigmaScimGroup group(JsonNode node) {
        String id = Tolerant.text(node, "id");
        if (id == null) {
            return null;
        }
        List<String> members = new ArrayList<>();
        for (JsonNode member : Tolerant.items(node.get("members"))) {
            String value = member.isObject() ? Tolerant.text(member, "value") : Tolerant.text(member);
            if (value != null) {
                members.add(value);
            }
        }
        return new FigmaScimGroup(id, Tolerant.text(node, "displayName"), Tolerant.firstText(node, "externalId", "external_id"),
                members);
    }

    private static String seatType(JsonNode roles) {
        for (JsonNode role : Tolerant.items(roles)) {
            if ("seatType".equalsIgnoreCase(Tolerant.text(role, "type"))) {
                return Tolerant.text(role, "value");
            }
        }
        return null;
    }

    private static String manager(JsonNode manager) {
        if (manager == null) {
            return null;
        }
        return manager.isObject() ? Tolerant.text(manager, "value") : Tolerant.text(manager);
    }

    private static String email(JsonNode emails) {
        String first = null;
        for (JsonNode email : Tolerant.items(emails)) {
            String value = email.isObject() ? Tolerant.text(email, "value") : Tolerant.text(email);
            if (value == null) {
                continue;
            }
            if (email.isObject() && Boolean.TRUE.equals(Tolerant.bool(email.get("primary")))) {
                return value;
            }
            if (first == null) {
                first = value;
            }
        }
        return first;
    }
}
