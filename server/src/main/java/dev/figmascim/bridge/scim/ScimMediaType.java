package dev.figmascim.bridge.scim;

import jakarta.ws.rs.core.MediaType;

/** RFC 7644 §8.1: SCIM messages are {@code application/scim+json}. */
public final class ScimMediaType {

    public static final String SCIM_JSON = "application/scim+json";
    public static final MediaType SCIM_JSON_TYPE = MediaType.valueOf(SCIM_JSON);

    private ScimMediaType() {
    }
}
