package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.figmascim.bridge.config.BridgeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Protocol helpers shared by the resource endpoints: paging limits, search bodies, ETags, base URL. */
@ApplicationScoped
class ScimRequests {

    /** Largest accepted .search body; bigger ones are refused without being parsed. */
    static final int MAX_SEARCH_BODY = 64 * 1024;

    private final int defaultCount;
    private final int maxCount;
    private final CursorCodec cursors;

    @Inject
    ScimRequests(BridgeSettings settings) {
        this.defaultCount = settings.scimDefaultCount();
        this.maxCount = settings.scimMaxCount();
        this.cursors = new CursorCodec(settings.scimCursorSecret(), settings.scimCursorTtl());
    }

    CursorCodec cursors() {
        return cursors;
    }

    /**
     * The RFC 9865 {@code cursor} of a GET: empty when absent (index paging), "" for the first page
     * ({@code ?cursor} or {@code ?cursor=}), else the token. Cursor and startIndex together are refused.
     */
    static java.util.Optional<String> cursor(UriInfo uri) {
        var q = uri.getQueryParameters();
        if (!q.containsKey("cursor")) {
            return java.util.Optional.empty();
        }
        if (q.containsKey("startIndex")) {
            throw ScimException.invalidValue("cursor and startIndex cannot be used together (RFC 9865)");
        }
        String value = q.getFirst("cursor");
        return java.util.Optional.of(value == null ? "" : value);
    }

    /** Where a cursor points: a position, and whether the page wanted is the one before it. */
    record CursorTarget(ResourceQuery.Position position, boolean previous) {
    }

    /** What a cursor token stands for; {@code ""} (the first page) is no position. */
    <E> CursorTarget target(String token, String resource, ListRequest request, ResourceQuery<E> query) {
        if (token.isEmpty()) {
            return new CursorTarget(null, false);
        }
        CursorCodec.Decoded d = cursors.decode(token, resource, request);
        Object value = d.sortValueText() == null ? null : query.sortValueFromText(request.sortBy(), d.sortValueText());
        if (d.sortValueText() != null && value == null) {
            throw new ScimException(400, "invalidCursor", "the cursor does not fit this query");
        }
        return new CursorTarget(new ResourceQuery.Position(value, d.id()), d.previous());
    }

    /**
     * The RFC 9865 cursors around {@code page}, read for {@code target}: {@code nextCursor} when rows
     * follow, {@code previousCursor} when rows precede (null when there are none, or count was 0).
     */
    String[] around(String resource, ListRequest request, CursorTarget target, ResourceQuery.CursorPage<?> page) {
        if (page.positions().isEmpty() || request.count() == 0) {
            return new String[] {null, null};
        }
        boolean rowsAfter = target.previous() || page.more();
        boolean rowsBefore = target.previous() ? page.more() : target.position() != null;
        ResourceQuery.Position first = page.positions().get(0);
        ResourceQuery.Position last = page.last();
        return new String[] {rowsAfter ? cursors.encode(resource, request, last, false) : null,
            rowsBefore ? cursors.encode(resource, request, first, true) : null};
    }

    /** The {@code cursor} of a SearchRequest body, as {@link #cursor(UriInfo)}. */
    static java.util.Optional<String> cursor(String body) {
        try {
            JsonNode json = body == null || body.isBlank() ? null : ScimJson.MAPPER.readTree(body);
            if (json == null || !json.has("cursor")) {
                return java.util.Optional.empty();
            }
            if (json.has("startIndex")) {
                throw ScimException.invalidValue("cursor and startIndex cannot be used together (RFC 9865)");
            }
            return java.util.Optional.of(json.get("cursor").isNull() ? "" : json.get("cursor").asText());
        } catch (JsonProcessingException e) {
            return java.util.Optional.empty();
        }
    }

    int defaultCount() {
        return defaultCount;
    }

    int maxCount() {
        return maxCount;
    }

    ListRequest fromQuery(UriInfo uri) {
        var q = uri.getQueryParameters();
        return ListRequest.of(q.getFirst("filter"), q.getFirst("sortBy"), q.getFirst("sortOrder"), q.getFirst("startIndex"),
                q.getFirst("count"), q.getFirst("attributes"), q.getFirst("excludedAttributes"), defaultCount, maxCount);
    }

    ListRequest fromSearchBody(String body) {
        if (body != null && body.length() > MAX_SEARCH_BODY) {
            throw new ScimException(413, null, "search request larger than " + MAX_SEARCH_BODY + " bytes");
        }
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : ScimJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ScimException.invalidSyntax("the request body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        }
        return ListRequest.ofSearchBody(json, defaultCount, maxCount);
    }

    /** The SCIM base URL with a trailing slash, e.g. {@code http://host:8080/scim/v2/}. */
    static String baseUrl(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base : base + "/";
    }

    /** 304 when {@code If-None-Match} names the current version, else the resource with its ETag. */
    static Response conditional(Request request, long version, Object entity) {
        EntityTag tag = new EntityTag(Long.toString(version), true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).build();
        }
        return Response.ok(entity).tag(tag).build();
    }
}
