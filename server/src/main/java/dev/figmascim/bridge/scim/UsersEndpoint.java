package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Set;

/** {@code /Users}: Figma members as SCIM Users (RFC 7644 §3.4.1–3.4.3). Reads only. */
@ApplicationScoped
@Path("Users")
@Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
public class UsersEndpoint {

    static final Set<String> EXTENSIONS = Set.of(ScimUrns.ENTERPRISE_USER, ScimUrns.FIGMA_USER, ScimUrns.BRIDGE_USER);

    private final MemberRepository members;
    private final ScimRequests requests;

    @Inject
    UsersEndpoint(MemberRepository members, ScimRequests requests) {
        this.members = members;
        this.requests = requests;
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

    /** RFC 9865 cursor paging: keyset pages that neither skip nor repeat while the store changes. */
    ObjectNode cursorSearch(ListRequest request, String token, UriInfo uri) {
        Projection projection = Projection.of(request.attributes(), request.excludedAttributes(), ScimUrns.USER, EXTENSIONS);
        boolean withGroups = projection.wants(ScimUrns.USER, "groups") || projection.wants(ScimUrns.BRIDGE_USER, "teams");
        var page = members.findAfter(request, requests.position(token, "Users", request, members.query()), withGroups);
        String base = ScimRequests.baseUrl(uri);
        List<ObjectNode> resources = page.resources().stream()
                .map(l -> projection.apply(UserRepresentation.of(l.member(), l.memberships(), base), ScimUrns.USER)).toList();
        return ListResponses.cursor(page.total(), request.count() == 0 ? null : requests.next("Users", request, page), resources);
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
                        @QueryParam("excludedAttributes") String excluded, @Context UriInfo uri, @Context Request request) {
        MemberRepository.Loaded found = members.get(id).orElseThrow(() -> ScimException.notFound("User " + id + " not found"));
        Projection projection = Projection.of(attributes, excluded, ScimUrns.USER, EXTENSIONS);
        ObjectNode user = projection.apply(UserRepresentation.of(found.member(), found.memberships(), ScimRequests.baseUrl(uri)),
                ScimUrns.USER);
        return ScimRequests.conditional(request, found.member().getVersion(), user);
    }

    ObjectNode search(ListRequest request, UriInfo uri) {
        Projection projection = Projection.of(request.attributes(), request.excludedAttributes(), ScimUrns.USER, EXTENSIONS);
        var page = members.find(request, projection.wants(ScimUrns.USER, "groups") || projection.wants(ScimUrns.BRIDGE_USER, "teams"));
        String base = ScimRequests.baseUrl(uri);
        List<ObjectNode> resources = page.resources().stream()
                .map(l -> projection.apply(UserRepresentation.of(l.member(), l.memberships(), base), ScimUrns.USER)).toList();
        return ListResponses.of(page.total(), request.startIndex(), resources);
    }
}
