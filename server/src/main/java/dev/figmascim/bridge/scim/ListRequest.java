package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.figmascim.bridge.scim.filter.FilterParser;
import org.apache.directory.scim.spec.filter.FilterExpression;

import java.util.Locale;

/**
 * A list or search request (RFC 7644 §3.4.2 query parameters, §3.4.3 SearchRequest body), validated
 * and normalised: startIndex below 1 is 1 and a negative count is 0 (§3.4.2.4), a count above the
 * maximum is the maximum; a malformed filter is {@code invalidFilter}.
 */
record ListRequest(FilterExpression filter, String sortBy, boolean descending, int startIndex, int count,
                   String attributes, String excludedAttributes) {

    /** Longest filter accepted; a longer one is refused rather than parsed. */
    static final int MAX_FILTER_LENGTH = 4096;

    /** The same query from another startIndex: the next page of an index walk. */
    ListRequest startingAt(int start) {
        return new ListRequest(filter, sortBy, descending, Math.max(1, start), count, attributes, excludedAttributes);
    }

    static ListRequest of(String filter, String sortBy, String sortOrder, String startIndex, String count,
                          String attributes, String excludedAttributes, int defaultCount, int maxCount) {
        int start = QueryParams.integer(startIndex, "startIndex", 1);
        int size = QueryParams.integer(count, "count", defaultCount);
        boolean descending = false;
        if (sortOrder != null && !sortOrder.isBlank()) {
            switch (sortOrder.trim().toLowerCase(Locale.ROOT)) {
                case "ascending" -> descending = false;
                case "descending" -> descending = true;
                default -> throw ScimException.invalidValue("sortOrder must be 'ascending' or 'descending', not '" + sortOrder + "'");
            }
        }
        return new ListRequest(parseFilter(filter), blankToNull(sortBy), descending, Math.max(1, start),
                Math.min(Math.max(0, size), maxCount), blankToNull(attributes), blankToNull(excludedAttributes));
    }

    /** From a POST {@code .search} body; attribute lists may be JSON arrays or comma-separated strings. */
    static ListRequest ofSearchBody(JsonNode body, int defaultCount, int maxCount) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("the request body must be a SCIM SearchRequest JSON object");
        }
        return of(text(body, "filter"), text(body, "sortBy"), text(body, "sortOrder"), text(body, "startIndex"),
                text(body, "count"), list(body, "attributes"), list(body, "excludedAttributes"), defaultCount, maxCount);
    }

    static FilterExpression parseFilter(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        if (filter.length() > MAX_FILTER_LENGTH) {
            throw ScimException.invalidFilter("filter longer than " + MAX_FILTER_LENGTH + " characters");
        }
        return FilterParser.parse(filter);
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String list(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isArray()) {
            StringBuilder out = new StringBuilder();
            v.forEach(item -> out.append(out.isEmpty() ? "" : ",").append(item.asText()));
            return out.toString();
        }
        return v.asText();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
