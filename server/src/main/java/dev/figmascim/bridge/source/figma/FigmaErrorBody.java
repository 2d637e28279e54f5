package dev.figmascim.bridge.source.figma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Figma's error text from an error response body, whichever shape it has: {@code {"status":403,"err":"..."}},
 * {@code {"error":true,"status":400,"message":"..."}} or a SCIM error's {@code detail} (RFC 7644 §3.12).
 */
final class FigmaErrorBody {

    /** Keeps messages readable when a body carries a long text. */
    private static final int MAX_LENGTH = 300;

    private FigmaErrorBody() {
    }

    /** The error text, or null when the body is not JSON or names none (a proxy's HTML page, an empty body). */
    static String message(ObjectMapper mapper, byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            return null;
        }
        if (root == null || !root.isObject()) {
            return null;
        }
        for (String field : new String[] {"err", "message", "detail", "error"}) {
            JsonNode value = root.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                String text = value.asText().strip();
                return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "..." : text;
            }
        }
        return null;
    }
}
