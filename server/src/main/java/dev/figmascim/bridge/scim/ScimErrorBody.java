package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Builds RFC 7644 §3.12 error responses; {@code status} is a string, as the RFC's examples and Okta expect. */
public final class ScimErrorBody {

    public static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private ScimErrorBody() {
    }

    public static ObjectNode of(int status, String scimType, String detail) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("schemas").add(ERROR_SCHEMA);
        body.put("status", Integer.toString(status));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        if (detail != null) {
            body.put("detail", detail);
        }
        return body;
    }

    /** How long a 503 asks a client to wait before it retries; long enough for a few chunks of a load. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** 503 with {@code Retry-After}: the request was fine and may succeed if sent again a little later. */
    public static Response unavailable(String detail) {
        return Response.fromResponse(response(503, null, detail)).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    public static Response response(int status, String scimType, String detail) {
        return Response.status(status).type(ScimMediaType.SCIM_JSON).entity(of(status, scimType, detail)).build();
    }
}
