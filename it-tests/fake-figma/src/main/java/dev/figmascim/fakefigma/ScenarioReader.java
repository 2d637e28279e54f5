package dev.figmascim.fakefigma;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the scenario JSON format (see README.md); every error names the source and the field. */
final class ScenarioReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String source;

    private ScenarioReader(String source) {
        this.source = source;
    }

    static Scenario read(InputStream in, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new ScenarioException(source + ": not valid JSON (line " + line + "): " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ScenarioException(source + ": cannot read: " + e.getMessage(), e);
        }
        return new ScenarioReader(source).scenario(root);
    }

    private Scenario scenario(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw fail("", "the scenario must be a JSON object");
        }
        Scenario.Builder builder = Scenario.builder()
                .tenantId(required(root, "tenantId", ""))
                .scimToken(required(root, "scimToken", ""))
                .apiToken(required(root, "apiToken", ""));
        JsonNode me = root.path("me");
        if (me.isObject()) {
            builder.me(required(me, "id", "me."), text(me, "handle"), text(me, "img_url"), text(me, "email"));
        }
        int i = 0;
        for (JsonNode user : array(root, "users")) {
            builder.user(user(user, "users[" + i++ + "]."));
        }
        i = 0;
        for (JsonNode group : array(root, "groups")) {
            builder.group(group(group, "groups[" + i++ + "]."));
        }
        i = 0;
        for (JsonNode event : array(root, "events")) {
            String at = "events[" + i++ + "]";
            if (!event.isObject()) {
                throw fail(at, "an event must be an object");
            }
            required(event, "id", at + ".");
            // Figma sends a number; numeric text is accepted too so that a scenario can show that quirk.
            JsonNode ts = event.path("timestamp");
            if (!(ts.canConvertToLong() || ts.isTextual() && ts.asText().matches("\\d+"))) {
                throw fail(at + ".timestamp", "required: Unix seconds");
            }
            builder.event((ObjectNode) event);
        }
        return builder.build();
    }

    private ScimUserSpec user(JsonNode node, String at) {
        if (!node.isObject()) {
            throw fail(at, "a user must be an object");
        }
        JsonNode raw = node.get("raw");
        if (raw != null && !raw.isObject()) {
            throw fail(at + "raw", "must be a SCIM user object");
        }
        // A raw user may carry its id and userName inside the verbatim object only.
        JsonNode idSource = raw != null && !node.hasNonNull("id") ? raw : node;
        ScimUserSpec.Builder b = ScimUserSpec.builder(required(idSource, "id", at), required(
                        raw != null && !node.hasNonNull("userName") ? raw : node, "userName", at))
                .externalId(text(node, "externalId"))
                .name(text(node, "givenName"), text(node, "familyName"))
                .title(text(node, "title"))
                .active(node.path("active").asBoolean(true))
                .seatType(text(node, "seatType"))
                .figmaAdmin(node.hasNonNull("figmaAdmin") ? node.get("figmaAdmin").asBoolean() : null)
                .version(node.path("version").asLong(ScimUserSpec.DEFAULT_VERSION));
        if (node.hasNonNull("displayName")) {
            b.displayName(node.get("displayName").asText());
        }
        JsonNode enterprise = node.path("enterprise");
        if (!enterprise.isMissingNode() && !enterprise.isObject()) {
            throw fail(at + "enterprise", "must be an object of attribute names to values");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        enterprise.fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
        attributes.forEach(b::enterprise);
        Set<UserQuirk> quirks = EnumSet.noneOf(UserQuirk.class);
        for (String name : names(node, "quirks", at)) {
            try {
                quirks.add(UserQuirk.fromJsonName(name));
            } catch (IllegalArgumentException e) {
                throw fail(at + "quirks", e.getMessage());
            }
        }
        b.quirk(quirks.toArray(UserQuirk[]::new));
        if (raw != null) {
            b.raw((ObjectNode) raw);
        }
        return b.build();
    }

    private ScimGroupSpec group(JsonNode node, String at) {
        if (!node.isObject()) {
            throw fail(at, "a group must be an object");
        }
        Set<GroupQuirk> quirks = EnumSet.noneOf(GroupQuirk.class);
        for (String name : names(node, "quirks", at)) {
            try {
                quirks.add(GroupQuirk.fromJsonName(name));
            } catch (IllegalArgumentException e) {
                throw fail(at + "quirks", e.getMessage());
            }
        }
        return new ScimGroupSpec(required(node, "id", at), required(node, "displayName", at), text(node, "externalId"),
                names(node, "members", at), quirks);
    }

    private List<String> names(JsonNode node, String field, String at) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : array(node, field)) {
            if (!item.isValueNode()) {
                throw fail(at + field, "must be an array of strings");
            }
            out.add(item.asText());
        }
        return out;
    }

    private Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw fail(field, "must be an array");
        }
        return value;
    }

    private String required(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode() || value.asText().isEmpty()) {
            throw fail(at + field, "required");
        }
        return value.asText();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private ScenarioException fail(String field, String problem) {
        return new ScenarioException(source + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
    }
}
