package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The list and search protocol shared by {@code /Users} and {@code /Groups} (RFC 7644 §3.4.2–3.4.3,
 * RFC 9865): GET with query parameters or POST {@code .search} with a body, index or cursor paging,
 * projection. Subclasses say how to load a page of their resources and represent one.
 *
 * Public, not package-private: javac gives a public subclass annotation-less bridge methods for the
 * public methods of a package-private superclass, and Jersey would see those instead.
 *
 * @param <L> a loaded resource with what its representation needs
 */
public abstract class ListingEndpoint<L> {

    private final ScimRequests requests;
    private final String resource;
    private final String coreUrn;
    private final Set<String> extensions;
    private final RepresentationCache cache;
    private final PagePrefetcher prefetcher;
    private final CacheWarmUp warmUp;

    ListingEndpoint(ScimRequests requests, RepresentationCache cache, PagePrefetcher prefetcher, CacheWarmUp warmUp, String resource,
                    String coreUrn, Set<String> extensions) {
        this.requests = requests;
        this.cache = cache;
        this.prefetcher = prefetcher;
        this.warmUp = warmUp;
        this.resource = resource;
        this.coreUrn = coreUrn;
        this.extensions = extensions;
    }

    /** The ids of one index page of matches, with the store generation they were read in. */
    abstract StoreGeneration.Read<ResourceQuery.Page<UUID>> findIds(ListRequest request);

    /** The ids of one cursor page after {@code at}, or (previous) before it, with the store generation. */
    abstract StoreGeneration.Read<ResourceQuery.CursorPage<UUID>> findIdsNear(ListRequest request, ResourceQuery.Position at,
                                                                               boolean previous);

    /** The resources of {@code ids}, by id; relations only when {@code projection} shows them. */
    abstract Map<UUID, L> load(List<UUID> ids, Projection projection);

    /** How cached representations of an older generation are revalidated; null: they are rendered again. */
    RepresentationCache.Versions<L> versions() {
        return null;
    }

    /** The store generation now, for a page prepared in an earlier one. */
    abstract List<UUID> generation();

    /** The query that reads cursor positions back. */
    abstract ResourceQuery<?> query();

    /** The full representation of {@code loaded}, written as one JSON object. */
    abstract void write(L loaded, String baseUrl, JsonGenerator out) throws IOException;

    /** The full representation as a tree, for a projection; by default from {@link #write}. */
    ObjectNode represent(L loaded, String baseUrl) {
        return ScimJson.tree(out -> write(loaded, baseUrl, out));
    }

    ScimRequests requests() {
        return requests;
    }

    Projection projection(String attributes, String excludedAttributes) {
        return Projection.of(attributes, excludedAttributes, coreUrn, extensions);
    }

    @GET
    public ObjectNode list(@Context UriInfo uri) {
        ListRequest request = requests.fromQuery(uri);
        return ScimRequests.cursor(uri).map(c -> cursorSearch(request, c, uri)).orElseGet(() -> search(request, uri));
    }

    @POST
    @Path(".search")
    @Consumes({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
    public ObjectNode searchPost(String body, @Context UriInfo uri) {
        ListRequest request = requests.fromSearchBody(body);
        return ScimRequests.cursor(body).map(c -> cursorSearch(request, c, uri)).orElseGet(() -> search(request, uri));
    }

    ObjectNode search(ListRequest request, UriInfo uri) {
        Projection projection = projection(request.attributes(), request.excludedAttributes());
        String base = ScimRequests.baseUrl(uri);
        prefetcher.awaitFor(prefetchKey(base, request));
        StoreGeneration.Read<ResourceQuery.Page<UUID>> read = findIds(request);
        ResourceQuery.Page<UUID> page = read.value();
        warmUp(projection, base, read.generation());
        long following = (long) request.startIndex() + request.count();
        if (projection.isDefault() && request.count() > 0 && page.resources().size() == request.count() && following <= page.total()) {
            ListRequest next = request.startingAt((int) following);
            prefetcher.prefetch(prefetchKey(base, next), read.generation(), () -> {
                StoreGeneration.Read<ResourceQuery.Page<UUID>> ahead = findIds(next);
                render(ahead.value().resources(), ahead.generation(), projection, base);
            });
        }
        return ListResponses.of(page.total(), request.startIndex(), render(page.resources(), read.generation(), projection, base));
    }

    /** RFC 9865 cursor paging: keyset pages that neither skip nor repeat while the store changes. */
    ObjectNode cursorSearch(ListRequest request, String token, UriInfo uri) {
        Projection projection = projection(request.attributes(), request.excludedAttributes());
        String base = ScimRequests.baseUrl(uri);
        ScimRequests.CursorTarget target = requests.target(token, resource, request, query());
        String key = prefetchKey(base, request, token);
        prefetcher.awaitFor(key);
        PagePrefetcher.Prepared prepared = projection.isDefault() ? prefetcher.take(key) : null;
        ResourceQuery.CursorPage<UUID> page;
        List<UUID> generation;
        List<JsonNode> resources;
        if (prepared != null && prepared.generation().equals(generation())) {
            // Read and rendered while the client parsed the previous page, in the generation that is still current.
            page = prepared.page();
            generation = prepared.generation();
            resources = prepared.resources();
        } else {
            StoreGeneration.Read<ResourceQuery.CursorPage<UUID>> read = findIdsNear(request, target.position(), target.previous());
            page = read.value();
            generation = read.generation();
            resources = null;
        }
        warmUp(projection, base, generation);
        String[] cursors = requests.around(resource, request, target, page);
        String next = cursors[0];
        if (next != null && !target.previous() && projection.isDefault()) {
            // The next cursor stands for this page's last position: read on from it, no token to decode.
            ResourceQuery.Position last = page.last();
            prefetcher.prepare(prefetchKey(base, request, next), generation, () -> readAhead(request, last, projection, base));
        }
        if (resources == null) {
            resources = render(page.resources(), generation, projection, base);
        }
        return ListResponses.cursor(page.total(), next, cursors[1], resources);
    }

    /**
     * A client reads full representations of this type under {@code base}: have every one rendered into
     * the cache for {@code generation}, in the background, by id pages of the largest size ({@link CacheWarmUp}).
     */
    private void warmUp(Projection projection, String base, List<UUID> generation) {
        if (!projection.isDefault()) {
            return;
        }
        ListRequest everything = new ListRequest(null, null, false, 1, requests.maxCount(), null, null);
        warmUp.request(resource + ' ' + base, generation, at -> {
            ResourceQuery.CursorPage<UUID> page = readAhead(everything, at, projection, base).page();
            return page.more() ? page.last() : null;
        }, cache::nearlyFull);
    }

    /** The cursor page after {@code at}, read and rendered before its request: by the prefetch and the warm-up. */
    private PagePrefetcher.Prepared readAhead(ListRequest request, ResourceQuery.Position at, Projection projection, String base) {
        StoreGeneration.Read<ResourceQuery.CursorPage<UUID>> read = findIdsNear(request, at, false);
        return new PagePrefetcher.Prepared(read.generation(), read.value(),
                render(read.value().resources(), read.generation(), projection, base));
    }

    /** A cursor page's request: its token names the position and the query; the count is the client's to change. */
    private String prefetchKey(String base, ListRequest request, String token) {
        return resource + " cursor " + base + ' ' + request.count() + ' ' + token;
    }

    /** An index page's request, as text: the prefetch of the next startIndex is known by it. */
    private String prefetchKey(String base, ListRequest request) {
        return resource + " index " + base + ' ' + (request.filter() == null ? "" : request.filter().toFilter()) + ' ' + request.sortBy()
                + ' ' + request.descending() + ' ' + request.startIndex() + ' ' + request.count();
    }

    /**
     * The representations of {@code ids}: full ones from the {@link RepresentationCache} (rendered and
     * kept where missing), projected ones rendered for this request from what the projection shows.
     */
    private List<JsonNode> render(List<UUID> ids, List<UUID> generation, Projection projection, String base) {
        if (projection.isDefault()) {
            return cache.get(resource, ids, generation, base, missing -> load(missing, projection), l -> out -> write(l, base, out),
                    versions());
        }
        Map<UUID, L> loaded = ids.isEmpty() ? Map.of() : load(ids, projection);
        return IdPages.inOrder(ids, loaded).stream().map(l -> (JsonNode) projection.apply(represent(l, base), coreUrn)).toList();
    }
}
