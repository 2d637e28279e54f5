package dev.figmascim.bridge.source.figma;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.figmascim.fakefigma.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Activity-log events in Figma's shape for the fake's scenarios, and the cursor Figma gives after an event. */
final class FigmaEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FigmaEvents() {
    }

    /** An event; {@code details} and {@code entity} as JSON text ({@code "null"} for none). */
    static ObjectNode event(String id, long timestamp, String type, String details, String entity) {
        String json = "{\"id\":\"" + id + "\",\"timestamp\":" + timestamp
                + ",\"actor\":{\"type\":\"user\",\"id\":\"1099091282752443416\",\"name\":\"Grace Liu\","
                + "\"email\":\"grace.liu@example.com\"},"
                + "\"action\":{\"type\":\"" + type + "\",\"details\":" + details + "},\"entity\":" + entity
                + ",\"context\":{\"client_name\":null,\"ip_address\":\"198.51.100.7\",\"is_figma_support_team_action\":false,"
                + "\"org_id\":\"1047918802483077121\",\"team_id\":null}}";
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A user entity. */
    static String user(String id, String name, String email) {
        return "{\"type\":\"user\",\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"email\":\"" + email + "\"}";
    }

    static String org() {
        return "{\"type\":\"org\",\"id\":\"1047918802483077121\",\"name\":\"Example Corp\"}";
    }

    /** The scenario with more events after its own. */
    static Scenario withEvents(Scenario s, List<ObjectNode> more) {
        List<ObjectNode> events = new ArrayList<>(s.events());
        events.addAll(more);
        return new Scenario(s.tenantId(), s.scimToken(), s.apiToken(), s.me(), s.users(), s.groups(), events);
    }

    /** Figma's cursor after an event: base64 of {@code id/timestamp}, as the fake (and Figma's own pages) give it. */
    static String cursorAfter(String id, long timestamp) {
        return Base64.getEncoder().withoutPadding().encodeToString((id + "/" + timestamp).getBytes(StandardCharsets.UTF_8));
    }
}
