package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Set;

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

    ListingEndpoint(ScimRequests requests, String resource, String coreUrn, Set<String> extensions) {
        this.requests = requests;
        this.resource = resource;
        this.coreUrn = coreUrn;
        this.extensions = extensions;
    }

    /** One index page of matches; relations only when the projection shows them. */
    abstract ResourceQuery.Page<L> find(ListRequest request, Projection projection);

    /** One cursor page after {@code at}, or (previous) before it. */
    abstract ResourceQuery.CursorPage<L> findNear(ListRequest request, ResourceQuery.Position at, boolean previous, Projection projection);

    /** The query that reads cursor positions back. */
    abstract ResourceQuery<?> query();

    abstract ObjectNode represent(L loaded, String baseUrl);

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
        ResourceQuery.Page<L> page = find(request, projection);
        return ListResponses.of(page.total(), request.startIndex(), render(page.resources(), projection, uri));
    }

    /** RFC 9865 cursor paging: keyset pages that neither skip nor repeat while the store changes. */
    ObjectNode cursorSearch(ListRequest request, String token, UriInfo uri) {
        Projection projection = projection(request.attributes(), request.excludedAttributes());
        ScimRequests.CursorTarget target = requests.target(token, resource, request, query());
        ResourceQuery.CursorPage<L> page = findNear(request, target.position(), target.previous(), projection);
        String[] cursors = requests.around(resource, request, target, page);
        return ListResponses.cursor(page.total(), cursors[0], cursors[1], render(page.resources(), projection, uri));
    }

    private List<ObjectNode> render(List<L> resources, Projection projection, UriInfo uri) {
        String base = ScimRequests.baseUrl(uri);
        return resources.stream().map(l -> projection.apply(represent(l, base), coreUrn)).toList();
    }
}
