package dev.figmascim.fakefigma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /__control}: fault injection and the request log over HTTP, for demos and tests in other processes.
 * Not part of Figma; needs no token (the fake listens on loopback by default) and is neither logged nor faulted.
 */
final class ControlApi {

    private final Faults faults;
    private final Supplier<List<RecordedRequest>> requests;
    private final Runnable clearRequests;

    ControlApi(Faults faults, Supplier<List<RecordedRequest>> requests, Runnable clearRequests) {
        this.faults = faults;
        this.requests = requests;
        this.clearRequests = clearRequests;
    }

    Response handle(Request request) {
        String target = request.method() + " " + request.path();
        return switch (target) {
            case "GET /__control/faults" -> state();
            case "POST /__control/faults" -> setFaults(request);
            case "DELETE /__control/faults" -> {
                faults.clear();
                yield state();
            }
            case "GET /__control/requests" -> requestLog();
            case "DELETE /__control/requests" -> {
                clearRequests.run();
                yield requestLog();
            }
            default -> problem(404, "no control endpoint " + target);
        };
    }

    private Response setFaults(Request request) {
        JsonNode body;
        try {
            body = Response.MAPPER.readTree(request.body());
        } catch (IOException e) {
            return problem(400, "the body must be JSON: " + e.getMessage());
        }
        if (body == null || !(body.isObject() || body.isArray())) {
            return problem(400, "the body must be a fault object or an array of them");
        }
        Iterable<JsonNode> items = body.isArray() ? body : List.of(body);
        try {
            for (JsonNode item : items) {
                apply(item);
            }
        } catch (IllegalArgumentException e) {
            return problem(400, e.getMessage());
        }
        return state();
    }

    private void apply(JsonNode f) {
        int count = f.path("count").asInt(1);
        String kind = f.path("kind").asText("");
        switch (kind) {
            case "rateLimit" -> faults.rateLimitNext(count, f.path("retryAfterSeconds").asLong(60),
                    f.path("httpDate").asBoolean(false), f.path("planTier").asText(Faults.DEFAULT_PLAN_TIER),
                    f.path("rateLimitType").asText(Faults.DEFAULT_RATE_LIMIT_TYPE));
            case "serverError" -> faults.serverErrorNext(count, f.path("status").asInt(500));
            case "malformed" -> faults.malformedNext(count);
            case "errorBody" -> {
                int status = f.path("status").asInt(400);
                String message = f.path("message").asText("Bad request");
                if ("err".equals(f.path("shape").asText("error"))) {
                    faults.errMessageNext(count, status, message);
                } else {
                    faults.errorBooleanNext(count, status, message);
                }
            }
            case "delay" -> faults.delayResponses(f.path("millis").asLong(0));
            case "clear" -> faults.clear();
            default -> throw new IllegalArgumentException("unknown fault kind '" + kind
                    + "' (rateLimit, serverError, malformed, errorBody, delay, clear)");
        }
    }

    private Response state() {
        ObjectNode body = Response.MAPPER.createObjectNode();
        ArrayNode pending = body.putArray("pending");
        faults.pendingKinds().forEach(pending::add);
        body.put("delayMillis", faults.delayMillis());
        return Response.json(200, body);
    }

    private Response requestLog() {
        ArrayNode body = Response.MAPPER.createArrayNode();
        for (RecordedRequest r : requests.get()) {
            body.addObject()
                    .put("method", r.method())
                    .put("path", r.path())
                    .put("query", r.query())
                    .put("authHeader", r.authHeader());
        }
        return Response.json(200, body);
    }

    private static Response problem(int status, String message) {
        ObjectNode body = Response.MAPPER.createObjectNode();
        body.put("status", status);
        body.put("err", message);
        return Response.json(status, body);
    }
}
