package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** RFC 7643 §3.1 {@code meta}, with the entity's optimistic-lock counter as a weak ETag. */
final class Meta {

    private Meta() {
    }

    static ObjectNode of(String resourceType, Instant created, Instant lastModified, String location, long version) {
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        meta.put("resourceType", resourceType);
        meta.put("created", ScimDates.format(created));
        meta.put("lastModified", ScimDates.format(lastModified));
        meta.put("location", location);
        meta.put("version", etag(version));
        return meta;
    }

    /** The weak entity tag of a resource at {@code version}: {@code W/"3"}. */
    static String etag(long version) {
        return "W/\"" + version + "\"";
    }
}
