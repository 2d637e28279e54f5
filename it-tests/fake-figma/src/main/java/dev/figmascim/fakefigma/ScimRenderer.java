package dev.figmascim.fakefigma;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/** Renders scenario users and groups as Figma's SCIM API sends them, quirks included. */
final class ScimRenderer {

    static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String FIGMA_USER = "urn:ietf:params:scim:schemas:extension:figma:enterprise:2.0:User";

    private ScimRenderer() {
    }

    static ObjectNode user(ScimUserSpec spec, String location) {
        if (spec.raw() != null) {
            return spec.raw().deepCopy();
        }
        ObjectNode user = Response.MAPPER.createObjectNode();
        boolean figmaExtension = spec.figmaAdmin() != null || spec.has(UserQuirk.LEGACY_PERMISSIONS);
        ArrayNode schemas = user.putArray("schemas").add(CORE_USER);
        if (!spec.enterprise().isEmpty()) {
            schemas.add(ENTERPRISE_USER);
        }
        if (figmaExtension) {
            schemas.add(FIGMA_USER);
        }
        user.put("id", spec.id());
        if (spec.externalId() != null) {
            user.put("externalId", spec.externalId());
        }
        user.put("userName", spec.userName());
        if (spec.givenName() != null || spec.familyName() != null) {
            ObjectNode name = user.putObject("name");
            putIfPresent(name, "givenName", spec.givenName());
            putIfPresent(name, "familyName", spec.familyName());
        }
        putIfPresent(user, "displayName", spec.displayName());
        putIfPresent(user, "title", spec.title());
        if (spec.has(UserQuirk.ACTIVE_AS_STRING)) {
            user.put("active", String.valueOf(spec.active()));
        } else {
            user.put("active", spec.active());
        }
        ObjectNode email = Response.MAPPER.createObjectNode();
        email.put("value", spec.userName());
        email.put("type", "work");
        if (spec.has(UserQuirk.PRIMARY_AS_STRING)) {
            email.put("primary", "true");
        } else {
            email.put("primary", true);
        }
        if (spec.has(UserQuirk.EMAILS_AS_OBJECT)) {
            user.set("emails", email);
        } else {
            user.putArray("emails").add(email);
        }
        if (spec.seatType() != null) {
            user.putArray("roles").addObject().put("type", "seatType").put("value", spec.seatType());
        }
        if (!spec.enterprise().isEmpty()) {
            ObjectNode enterprise = user.putObject(ENTERPRISE_USER);
            for (Map.Entry<String, String> e : spec.enterprise().entrySet()) {
                if ("manager".equals(e.getKey()) && !spec.has(UserQuirk.MANAGER_AS_STRING)) {
                    enterprise.putObject("manager").put("value", e.getValue());
                } else {
                    enterprise.put(e.getKey(), e.getValue());
                }
            }
        }
        if (figmaExtension) {
            figmaExtension(user.putObject(FIGMA_USER), spec);
        }
        meta(user, "User", location, spec.version());
        return user;
    }

    static ObjectNode group(ScimGroupSpec spec, Map<String, ScimUserSpec> usersById, String location) {
        ObjectNode group = Response.MAPPER.createObjectNode();
        group.putArray("schemas").add(CORE_GROUP);
        group.put("id", spec.id());
        group.put("displayName", spec.displayName());
        if (spec.externalId() != null) {
            group.put(spec.has(GroupQuirk.EXTERNAL_ID_SNAKE_CASE) ? "external_id" : "externalId", spec.externalId());
        }
        ArrayNode members = group.putArray("members");
        for (String id : spec.memberIds()) {
            ObjectNode member = members.addObject().put("value", id);
            ScimUserSpec user = usersById.get(id);
            if (user != null && user.displayName() != null) {
                member.put("display", user.displayName());
            }
        }
        meta(group, "Group", location, ScimUserSpec.DEFAULT_VERSION);
        return group;
    }

    static ObjectNode serviceProviderConfig(String location) {
        ObjectNode spc = Response.MAPPER.createObjectNode();
        spc.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        spc.put("documentationUri", "https://help.figma.com/hc/en-us/articles/360048514653");
        spc.putObject("patch").put("supported", true);
        spc.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
        spc.putObject("filter").put("supported", true).put("maxResults", ScimApi.MAX_RESULTS);
        spc.putObject("changePassword").put("supported", false);
        spc.putObject("sort").put("supported", false);
        spc.putObject("etag").put("supported", false);
        spc.putArray("authenticationSchemes").addObject()
                .put("type", "oauthbearertoken")
                .put("name", "OAuth Bearer Token")
                .put("description", "Authentication scheme using the OAuth Bearer Token Standard")
                .put("primary", true);
        spc.putObject("meta").put("resourceType", "ServiceProviderConfig").put("location", location);
        return spc;
    }

    private static void figmaExtension(ObjectNode figma, ScimUserSpec spec) {
        if (spec.figmaAdmin() != null) {
            if (spec.has(UserQuirk.FIGMA_ADMIN_AS_STRING)) {
                figma.put("figmaAdmin", String.valueOf(spec.figmaAdmin()));
            } else {
                figma.put("figmaAdmin", spec.figmaAdmin());
            }
        }
        if (spec.has(UserQuirk.LEGACY_PERMISSIONS)) {
            // Pre-2025 per-product seats, derived from today's seat so a scenario need not spell them out.
            String seat = spec.seatType() == null ? "" : spec.seatType();
            figma.put("figmaPermission", "Full".equals(seat) ? "editor" : "viewer");
            figma.put("figjamPermission", "Full".equals(seat) || "Collab".equals(seat) ? "editor" : "viewer");
            figma.put("devModePermission", "Full".equals(seat) || "Dev".equals(seat) ? "editor" : "viewer");
        }
    }

    private static void meta(ObjectNode resource, String type, String location, long version) {
        String when = Instant.ofEpochSecond(version).toString();
        resource.putObject("meta")
                .put("resourceType", type)
                .put("created", when)
                .put("lastModified", when)
                .put("location", location)
                .put("version", "W/\"" + version + "\"");
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
