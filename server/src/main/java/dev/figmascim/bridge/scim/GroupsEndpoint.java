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

/** {@code /Groups}: Figma teams, workspaces and billing groups as SCIM Groups. Reads only. */
@ApplicationScoped
@Path("Groups")
@Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
public class GroupsEndpoint {

    static final Set<String> EXTENSIONS = Set.of(ScimUrns.BRIDGE_GROUP);

    private final TeamRepository teams;
    private final ScimRequests requests;

    @Inject
    GroupsEndpoint(TeamRepository teams, ScimRequests requests) {
        this.teams = teams;
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
        Projection projection = Projection.of(request.attributes(), request.excludedAttributes(), ScimUrns.GROUP, EXTENSIONS);
        var page = teams.findAfter(request, requests.position(token, "Groups", request, teams.query()), wantsMembers(projection));
        String base = ScimRequests.baseUrl(uri);
        List<ObjectNode> resources = page.resources().stream()
                .map(l -> projection.apply(GroupRepresentation.of(l.team(), l.memberships(), base), ScimUrns.GROUP)).toList();
        return ListResponses.cursor(page.total(), request.count() == 0 ? null : requests.next("Groups", request, page), resources);
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
                        @QueryParam("excludedAttributes") String excluded, @Context UriInfo uri, @Context Request request) {
        Projection projection = Projection.of(attributes, excluded, ScimUrns.GROUP, EXTENSIONS);
        TeamRepository.Loaded found = teams.get(id, wantsMembers(projection))
                .orElseThrow(() -> ScimException.notFound("Group " + id + " not found"));
        ObjectNode group = projection.apply(GroupRepresentation.of(found.team(), found.memberships(), ScimRequests.baseUrl(uri)),
                ScimUrns.GROUP);
        return ScimRequests.conditional(request, found.team().getVersion(), group);
    }

    ObjectNode search(ListRequest request, UriInfo uri) {
        Projection projection = Projection.of(request.attributes(), request.excludedAttributes(), ScimUrns.GROUP, EXTENSIONS);
        var page = teams.find(request, wantsMembers(projection));
        String base = ScimRequests.baseUrl(uri);
        List<ObjectNode> resources = page.resources().stream()
                .map(l -> projection.apply(GroupRepresentation.of(l.team(), l.memberships(), base), ScimUrns.GROUP)).toList();
        return ListResponses.of(page.total(), request.startIndex(), resources);
    }

    /**
     * {@code excludedAttributes=members} (or an attributes list without them) skips loading members at
     * all; the extension's {@code memberRoles}, a view of the same rows, then goes too unless the
     * attributes list names it.
     */
    private static boolean wantsMembers(Projection projection) {
        return projection.wants(ScimUrns.GROUP, "members") || projection.explicitlyIncludes(ScimUrns.BRIDGE_GROUP, "memberRoles");
    }
}
