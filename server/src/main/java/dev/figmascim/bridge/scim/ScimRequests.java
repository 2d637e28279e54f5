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

    @Inject
    ScimRequests(BridgeSettings settings) {
        this.defaultCount = settings.scimDefaultCount();
        this.maxCount = settings.scimMaxCount();
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
