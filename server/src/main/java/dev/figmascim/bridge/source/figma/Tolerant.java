package dev.figmascim.bridge.source.figma;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lenient readers for Figma's JSON: a field may be absent, null, a string where a boolean or number belongs, or
 * one object where an array belongs. Absent and unreadable both read as null, so records carry "unknown" rather
 * than a guess.
 */
final class Tolerant {

    private Tolerant() {
    }

    /** A scalar field as text (numbers too: Figma ids are sometimes numbers); null when absent, null, blank or not scalar. */
    static String text(JsonNode node, String field) {
        return text(node == null ? null : node.get(field));
    }

    static String text(JsonNode value) {
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    /** The first of the fields that has text, e.g. {@code externalId} then {@code external_id}. */
    static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String text = text(node, field);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /** {@code true}, {@code "true"}, {@code "True"}, {@code 1} are true; the like for false; anything else null. */
    static Boolean bool(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            long n = value.longValue();
            return n == 1 ? Boolean.TRUE : n == 0 ? Boolean.FALSE : null;
        }
        if (value.isTextual()) {
            String text = value.asText().trim().toLowerCase(Locale.ROOT);
            return "true".equals(text) ? Boolean.TRUE : "false".equals(text) ? Boolean.FALSE : null;
        }
        return null;
    }

    /** A number or numeric text as a long; {@code fallback} otherwise. Decimals are cut to whole seconds. */
    static long number(JsonNode value, long fallback) {
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isNumber()) {
            return value.asLong();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.asText().trim()).longValue();
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    /** An array's elements, or a lone object as a one-element list (Figma's {@code emails} quirk), else empty. */
    static List<JsonNode> items(JsonNode value) {
        List<JsonNode> out = new ArrayList<>();
        if (value == null || value.isNull() || value.isMissingNode()) {
            return out;
        }
        if (value.isArray()) {
            value.forEach(out::add);
        } else {
            out.add(value);
        }
        return out;
    }

    /** A field looked up exactly, then ignoring case (schema URNs are case-insensitive, RFC 7643 §2.1). */
    static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
