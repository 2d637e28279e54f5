package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;

/** RFC 7643 §3.1 {@code meta}, with the entity's optimistic-lock counter as a weak ETag. */
final class Meta {

    private Meta() {
    }

    static ObjectNode of(String resourceType, Instant created, Instant lastModified, String location, long version) {
        return ScimJson.tree(out -> writeObject(out, resourceType, created, lastModified, location, version));
    }

    /** As the field {@code meta} of the object being written. */
    static void write(JsonGenerator out, String resourceType, Instant created, Instant lastModified, String location, long version)
            throws IOException {
        out.writeFieldName("meta");
        writeObject(out, resourceType, created, lastModified, location, version);
    }

    private static void writeObject(JsonGenerator out, String resourceType, Instant created, Instant lastModified, String location,
                                    long version) throws IOException {
        out.writeStartObject();
        out.writeStringField("resourceType", resourceType);
        out.writeStringField("created", ScimDates.format(created));
        out.writeStringField("lastModified", ScimDates.format(lastModified));
        out.writeStringField("location", location);
        out.writeStringField("version", etag(version));
        out.writeEndObject();
    }

    /** The weak entity tag of a resource at {@code version}: {@code W/"3"}. */
    static String etag(long version) {
        return "W/\"" + version + "\"";
    }
}
