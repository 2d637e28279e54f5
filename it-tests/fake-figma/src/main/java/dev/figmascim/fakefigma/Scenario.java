package dev.figmascim.fakefigma;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the fake Figma knows: one organisation's SCIM tenant, tokens, users, groups, activity-log events and
 * the token owner for {@code /v1/me}. Immutable; build one in Java with {@link #builder()}, or read the JSON
 * format described in the module's README with {@link #load(Path)}, {@link #parse(InputStream, String)} or
 * {@link #builtin(String)}.
 *
 * @param tenantId   the SCIM tenant id in {@code /scim/v2/{tenantId}}
 * @param scimToken  the SCIM API's bearer token
 * @param apiToken   the REST API token ({@code /v1/me}, {@code /v1/activity_logs}), as {@code X-Figma-Token} or bearer
 * @param me         the token owner, or null (then {@code /v1/me} answers 404)
 * @param users      SCIM users in listing order
 * @param groups     SCIM groups in listing order
 * @param events     activity-log events exactly as Figma sends them; the fake orders them by {@code timestamp}
 */
public record Scenario(String tenantId, String scimToken, String apiToken, Me me, List<ScimUserSpec> users,
        List<ScimGroupSpec> groups, List<ObjectNode> events) {

    public Scenario {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(scimToken, "scimToken");
        Objects.requireNonNull(apiToken, "apiToken");
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        events = events.stream().map(ObjectNode::deepCopy).toList();
    }

    /** The token owner {@code /v1/me} returns. */
    public record Me(String id, String handle, String imgUrl, String email) {
    }

    /** Reads a scenario file. */
    public static Scenario load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a scenario in the JSON format; {@code source} names it in error messages. */
    public static Scenario parse(InputStream json, String source) {
        return ScenarioReader.read(json, source);
    }

    /** One of the scenarios shipped in this module ({@code small}, {@code quirks}). */
    public static Scenario builtin(String name) {
        String resource = "/scenarios/" + name + ".json";
        try (InputStream in = Scenario.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ScenarioException("no built-in scenario '" + name + "' (expected classpath " + resource + ")");
            }
            return parse(in, "classpath:" + resource);
        } catch (IOException e) {
            throw new ScenarioException(resource + ": cannot read: " + e.getMessage(), e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a scenario in Java; defaults: tenant {@code 1047918802483077121}, tokens {@code scim-test-token} and
     *  {@code figd_test-token}, no me, no users, groups or events. */
    public static final class Builder {
        private String tenantId = "1047918802483077121";
        private String scimToken = "scim-test-token";
        private String apiToken = "figd_test-token";
        private Me me;
        private final List<ScimUserSpec> users = new ArrayList<>();
        private final List<ScimGroupSpec> groups = new ArrayList<>();
        private final List<ObjectNode> events = new ArrayList<>();

        private Builder() {
        }

        public Builder tenantId(String value) {
            this.tenantId = value;
            return this;
        }

        public Builder scimToken(String value) {
            this.scimToken = value;
            return this;
        }

        public Builder apiToken(String value) {
            this.apiToken = value;
            return this;
        }

        public Builder me(String id, String handle, String imgUrl, String email) {
            this.me = new Me(id, handle, imgUrl, email);
            return this;
        }

        public Builder user(ScimUserSpec user) {
            users.add(user);
            return this;
        }

        /**
         * Adds {@code count} plain users ids {@code 9000000000000000001...}, userNames
         * {@code user0001@example.com...}, every seventh one inactive: bulk for paging tests.
         */
        public Builder generatedUsers(int count) {
            for (int i = 1; i <= count; i++) {
                String n = String.format("%04d", i);
                users.add(ScimUserSpec.builder(String.valueOf(9000000000000000000L + i), "user" + n + "@example.com")
                        .externalId("ext-" + n)
                        .name("User", n)
                        .active(i % 7 != 0)
                        .seatType(i % 2 == 0 ? "Full" : "View")
                        .build());
            }
            return this;
        }

        public Builder group(ScimGroupSpec group) {
            groups.add(group);
            return this;
        }

        /** Adds an event given exactly as Figma sends it. */
        public Builder event(ObjectNode event) {
            events.add(event.deepCopy());
            return this;
        }

        /**
         * Adds a user event in Figma's shape: actor "SCIM Provider", entity a user, a context with the org id.
         */
        public Builder userEvent(String id, long timestamp, String actionType, String userId, String email) {
            JsonNodeFactory f = JsonNodeFactory.instance;
            ObjectNode event = f.objectNode();
            event.put("id", id);
            event.put("timestamp", timestamp);
            event.putObject("actor").put("type", "user").put("name", "SCIM Provider");
            ObjectNode action = event.putObject("action");
            action.put("type", actionType);
            action.putNull("details");
            event.putObject("entity").put("type", "user").put("id", userId).put("name", email).put("email", email);
            ObjectNode context = event.putObject("context");
            context.putNull("client_name");
            context.put("ip_address", "203.0.113.1");
            context.put("is_figma_support_team_action", false);
            context.put("org_id", tenantId);
            context.putNull("team_id");
            events.add(event);
            return this;
        }

        public Scenario build() {
            return new Scenario(tenantId, scimToken, apiToken, me, users, groups, events);
        }
    }
}
