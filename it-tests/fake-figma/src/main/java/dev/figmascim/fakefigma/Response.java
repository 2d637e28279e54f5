package dev.figmascim.fakefigma;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response before it is written, so that faults can replace or damage it. */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String JSON = "application/json; charset=utf-8";
    static final String SCIM_JSON = "application/scim+json; charset=utf-8";
    static final String SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    Response {
        headers = Map.copyOf(headers);
    }

    static Response json(int status, JsonNode body) {
        return of(status, JSON, body);
    }

    static Response scim(int status, JsonNode body) {
        return of(status, SCIM_JSON, body);
    }

    static Response text(int status, String contentType, String body) {
        return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** Figma's REST error in its first shape: {@code {"status":403,"err":"Invalid token"}}. */
    static Response errMessage(int status, String err) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("status", status);
        body.put("err", err);
        return json(status, body);
    }

    /** Figma's REST error in its second shape: {@code {"error":true,"status":400,"message":"..."}}. */
    static Response errorBoolean(int status, String message) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("error", true);
        body.put("status", status);
        body.put("message", message);
        return json(status, body);
    }

    /** An RFC 7644 §3.12 error; Figma sends {@code status} as a string, as the RFC's examples do. */
    static Response scimError(int status, String scimType, String detail) {
        ObjectNode body = MAPPER.createObjectNode();
        body.putArray("schemas").add(SCIM_ERROR);
        body.put("status", String.valueOf(status));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", detail);
        return scim(status, body);
    }

    Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, contentType, body, copy);
    }

    /** The same response with its body cut in half: what a dropped proxy buffer or a buggy server sends. */
    Response truncated() {
        byte[] half = Arrays.copyOf(body, Math.max(1, body.length / 2));
        if (body.length == 0) {
            half = new byte[] {'{'};
        }
        return new Response(status, contentType, half, headers);
    }

    private static Response of(int status, String contentType, JsonNode body) {
        try {
            return new Response(status, contentType, MAPPER.writeValueAsBytes(body), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }
}
