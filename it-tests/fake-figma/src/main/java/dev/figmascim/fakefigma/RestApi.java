package dev.figmascim.fakefigma;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Figma's REST API as far as the bridge reads it: {@code GET /v1/me} and {@code GET /v1/activity_logs}.
 * Authentication by {@code X-Figma-Token} or {@code Authorization: Bearer}; anything else is Figma's
 * {@code 403 {"status":403,"err":"Invalid token"}}.
 */
final class RestApi {

    /** Figma's documented maximum (and default) {@code limit}. */
    static final int MAX_LIMIT = 1000;

    private final Scenario scenario;
    /** Events in ascending (timestamp, file order): Figma's default {@code order=asc}. */
    private final List<ObjectNode> ascending;

    RestApi(Scenario scenario) {
        this.scenario = scenario;
        List<ObjectNode> events = new ArrayList<>(scenario.events());
        events.sort(Comparator.comparingLong(RestApi::timestamp));
        this.ascending = List.copyOf(events);
    }

    Response handle(Request request) {
        if (!authenticated(request)) {
            return Response.errMessage(403, "Invalid token");
        }
        if (!"GET".equals(request.method())) {
            return Response.errMessage(405, "Method not allowed");
        }
        return switch (request.path()) {
            case "/v1/me" -> me();
            case "/v1/activity_logs" -> activityLogs(request);
            default -> Response.errMessage(404, "Not found");
        };
    }

    private boolean authenticated(Request request) {
        String token = request.header("X-Figma-Token");
        if (token == null) {
            token = request.bearer();
        }
        return scenario.apiToken().equals(token);
    }

    private Response me() {
        Scenario.Me me = scenario.me();
        if (me == null) {
            return Response.errMessage(404, "Not found");
        }
        ObjectNode body = Response.MAPPER.createObjectNode();
        body.put("id", me.id());
        body.put("handle", me.handle());
        body.put("img_url", me.imgUrl());
        body.put("email", me.email());
        return Response.json(200, body);
    }

    private Response activityLogs(Request request) {
        long startTime;
        long endTime;
        int limit;
        try {
            startTime = seconds(request.query().get("start_time"), Long.MIN_VALUE);
            endTime = seconds(request.query().get("end_time"), Long.MAX_VALUE);
            String limitText = request.query().get("limit");
            limit = limitText == null || limitText.isEmpty() ? MAX_LIMIT : new BigDecimal(limitText.trim()).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return Response.errorBoolean(400, "start_time, end_time and limit must be numbers");
        }
        if (limit < 1) {
            return Response.errorBoolean(400, "limit must be at least 1");
        }
        limit = Math.min(limit, MAX_LIMIT);
        String order = request.query().getOrDefault("order", "asc");
        if (!"asc".equals(order) && !"desc".equals(order)) {
            return Response.errorBoolean(400, "order must be asc or desc");
        }
        Set<String> types = new HashSet<>();
        String events = request.query().get("events");
        if (events != null && !events.isBlank()) {
            for (String type : events.split(",")) {
                types.add(type.trim());
            }
        }
        List<ObjectNode> selected = new ArrayList<>();
        for (ObjectNode event : ascending) {
            long ts = timestamp(event);
            if (ts >= startTime && ts <= endTime
                    && (types.isEmpty() || types.contains(event.path("action").path("type").asText()))) {
                selected.add(event);
            }
        }
        if ("desc".equals(order)) {
            Collections.reverse(selected);
        }
        int from = 0;
        String cursor = request.query().get("cursor");
        if (cursor != null && !cursor.isEmpty()) {
            from = positionAfter(selected, cursor);
            if (from < 0) {
                return Response.errorBoolean(400, "Invalid cursor");
            }
        }
        int to = Math.min(selected.size(), from + limit);
        ObjectNode body = Response.MAPPER.createObjectNode();
        body.put("status", 200);
        body.put("error", false);
        ObjectNode meta = body.putObject("meta");
        ArrayNode page = meta.putArray("activity_logs");
        selected.subList(from, to).forEach(page::add);
        meta.put("cursor", to > from ? encodeCursor(selected.get(to - 1)) : cursor == null ? "" : cursor);
        meta.put("next_page", to < selected.size());
        return Response.json(200, body);
    }

    /**
     * Figma's cursor "encodes the last event": base64 of {@code id/timestamp} (as in Figma's own responses). The
     * next page starts after that event; a cursor naming no selected event is refused.
     */
    static String encodeCursor(ObjectNode event) {
        String plain = event.path("id").asText() + "/" + timestamp(event);
        return Base64.getEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static int positionAfter(List<ObjectNode> selected, String cursor) {
        String plain;
        try {
            plain = new String(Base64.getDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return -1;
        }
        int slash = plain.indexOf('/');
        String id = slash < 0 ? plain : plain.substring(0, slash);
        for (int i = 0; i < selected.size(); i++) {
            if (selected.get(i).path("id").asText().equals(id)) {
                return i + 1;
            }
        }
        return -1;
    }

    private static long seconds(String text, long fallback) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        // The OpenAPI types start_time/end_time as number: accept 1777020301.5 as well as integers.
        return new BigDecimal(text.trim()).longValue();
    }

    static long timestamp(ObjectNode event) {
        return event.path("timestamp").asLong();
    }
}
