package dev.figmascim.bridge.source.figma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads Figma's activity log, {@code GET /v1/activity_logs} on {@code figma.api.url}, with
 * {@code Authorization: Bearer figma.api.token} (the endpoint wants an OAuth app or plan token with
 * {@code org:activity_log_read}; Enterprise only). Always {@code order=asc}, so that a saved cursor resumes
 * where the last run stopped.
 */
public final class ActivityLogClient implements AutoCloseable {

    /** Figma's largest {@code limit}. */
    public static final int MAX_LIMIT = 1000;
    private static final String PATH = "/v1/activity_logs";

    private final FigmaHttp http;

    /** @throws IllegalArgumentException when {@code figma.api.token} is not set */
    public ActivityLogClient(FigmaClientSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (settings.apiToken() == null) {
            throw new IllegalArgumentException("the Figma activity log client needs " + FigmaClientSettings.API_TOKEN
                    + " (env FIGMA_API_TOKEN)");
        }
        this.http = new FigmaHttp("Figma REST API", settings.apiUrl(), FigmaHttp.Auth.BEARER, settings.apiToken(),
                "application/json", settings);
    }

    /** One page of every event type; see {@link #page(Instant, String, int, Collection)}. */
    public ActivityPage page(Instant startTime, String cursor, int limit) {
        return page(startTime, cursor, limit, List.of());
    }

    /**
     * One page of events, oldest first.
     *
     * @param startTime  the oldest event wanted (sent as Unix seconds), or null for Figma's default (a year ago)
     * @param cursor     the cursor of the previous page, or null to start at {@code startTime}
     * @param limit      events per page, lowered to 1..1000
     * @param eventTypes action types wanted ({@code events}), empty for all
     * @throws FigmaApiException when the page could not be read
     */
    public ActivityPage page(Instant startTime, String cursor, int limit, Collection<String> eventTypes) {
        Map<String, Object> query = new LinkedHashMap<>();
        if (eventTypes != null && !eventTypes.isEmpty()) {
            query.put("events", String.join(",", eventTypes));
        }
        query.put("start_time", startTime == null ? null : startTime.getEpochSecond());
        query.put("limit", Math.max(1, Math.min(MAX_LIMIT, limit)));
        query.put("order", "asc");
        query.put("cursor", cursor == null || cursor.isBlank() ? null : cursor);
        return read(http.get(PATH, query));
    }

    /**
     * Reads page after page until Figma says there is no next page, handing each event to {@code consumer}.
     *
     * @return the last cursor seen (save it to resume), or the given one when no page had one
     * @throws FigmaApiException when a page could not be read, or Figma promises a next page without a new cursor
     *                           (which would otherwise loop for ever)
     */
    public String forEachEvent(Instant startTime, String cursor, int limit, Consumer<? super ActivityEvent> consumer) {
        String current = cursor;
        while (true) {
            ActivityPage page = page(startTime, current, limit);
            page.events().forEach(consumer);
            String next = page.cursor() == null ? current : page.cursor();
            if (!page.nextPage()) {
                return next;
            }
            if (next == null || next.equals(current)) {
                throw new FigmaApiException(FigmaApiException.Reason.MALFORMED_RESPONSE, "Figma REST API GET " + PATH, 200, null, 1,
                        "Figma REST API GET " + PATH + ": next_page is true but the cursor did not advance", null);
            }
            current = next;
        }
    }

    private static ActivityPage read(JsonNode root) {
        JsonNode meta = root.path("meta");
        if (!meta.isObject()) {
            throw new FigmaApiException(FigmaApiException.Reason.MALFORMED_RESPONSE, "Figma REST API GET " + PATH, 200, null, 1,
                    "Figma REST API GET " + PATH + ": HTTP 200 without a meta object", null);
        }
        List<ActivityEvent> events = new ArrayList<>();
        for (JsonNode event : Tolerant.items(meta.get("activity_logs"))) {
            if (event.isObject()) {
                events.add(event(event));
            }
        }
        Boolean nextPage = Tolerant.bool(meta.get("next_page"));
        return new ActivityPage(events, Tolerant.text(meta, "cursor"), Boolean.TRUE.equals(nextPage));
    }

    static ActivityEvent event(JsonNode node) {
        JsonNode action = node.path("action");
        JsonNode actor = node.path("actor");
        JsonNode entity = node.path("entity");
        return new ActivityEvent(
                Tolerant.text(node, "id"),
                Tolerant.number(node.get("timestamp"), 0),
                Tolerant.text(action, "type"),
                orNull(action.get("details")),
                Tolerant.text(actor, "id"),
                Tolerant.text(actor, "email"),
                Tolerant.text(actor, "name"),
                Tolerant.text(entity, "type"),
                Tolerant.firstText(entity, "id", "key"),
                Tolerant.firstText(entity, "name", "user_name"),
                Tolerant.text(entity, "email"),
                orNull(node.get("context")));
    }

    private static JsonNode orNull(JsonNode value) {
        return value == null || value.isMissingNode() ? NullNode.getInstance() : value;
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "ActivityLogClient[" + http + "]";
    }
}
