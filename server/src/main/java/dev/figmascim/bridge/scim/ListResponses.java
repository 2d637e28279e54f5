package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * RFC 7644 §3.4.2 ListResponse. {@code itemsPerPage} and {@code startIndex} are always present and
 * numeric, and {@code Resources} is present (empty) when nothing matched: Okta's checks require both.
 */
final class ListResponses {

    private ListResponses() {
    }

    /** An RFC 9865 cursor page: {@code nextCursor} / {@code previousCursor} where rows follow / precede, no startIndex. */
    static ObjectNode cursor(long total, String nextCursor, String previousCursor, List<? extends JsonNode> resources) {
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.putArray("schemas").add(ScimUrns.LIST_RESPONSE);
        list.put("totalResults", total);
        list.put("itemsPerPage", resources.size());
        if (nextCursor != null) {
            list.put("nextCursor", nextCursor);
        }
        if (previousCursor != null) {
            list.put("previousCursor", previousCursor);
        }
        ArrayNode array = list.putArray("Resources");
        resources.forEach(array::add);
        return list;
    }

    static ObjectNode of(long total, int startIndex, List<? extends JsonNode> resources) {
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.putArray("schemas").add(ScimUrns.LIST_RESPONSE);
        list.put("totalResults", total);
        list.put("itemsPerPage", resources.size());
        list.put("startIndex", startIndex);
        ArrayNode array = list.putArray("Resources");
        resources.forEach(array::add);
        return list;
    }
}
