package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Set;

/** {@code /Users}: Figma members as SCIM Users (RFC 7644 §3.4.1–3.4.3). Reads only. */
@ApplicationScoped
@Path("Users")
@Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
public class UsersEndpoint extends ListingEndpoint<MemberRepository.Loaded> {

    static final Set<String> EXTENSIONS = Set.of(ScimUrns.ENTERPRISE_USER, ScimUrns.FIGMA_USER, ScimUrns.BRIDGE_USER);

    private final MemberRepository members;

    @Inject
    UsersEndpoint(MemberRepository members, ScimRequests requests) {
        super(requests, "Users", ScimUrns.USER, EXTENSIONS);
        this.members = members;
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
                        @QueryParam("excludedAttributes") String excluded, @Context UriInfo uri, @Context Request request) {
        MemberRepository.Loaded found = members.get(id).orElseThrow(() -> ScimException.notFound("User " + id + " not found"));
        ObjectNode user = projection(attributes, excluded).apply(represent(found, ScimRequests.baseUrl(uri)), ScimUrns.USER);
        return ScimRequests.conditional(request, found.member().getVersion(), user);
    }

    @Override
    ResourceQuery.Page<MemberRepository.Loaded> find(ListRequest request, Projection projection) {
        return members.find(request, wantsGroups(projection));
    }

    @Override
    ResourceQuery.CursorPage<MemberRepository.Loaded> findNear(ListRequest request, ResourceQuery.Position at, boolean previous,
                                                           Projection projection) {
        return members.findNear(request, at, previous, wantsGroups(projection));
    }

    @Override
    ResourceQuery<?> query() {
        return members.query();
    }

    @Override
    ObjectNode represent(MemberRepository.Loaded loaded, String baseUrl) {
        return UserRepresentation.withTeams(loaded.member(), loaded.memberships(), baseUrl);
    }

    private static boolean wantsGroups(Projection projection) {
        return projection.wants(ScimUrns.USER, "groups") || projection.wants(ScimUrns.BRIDGE_USER, "teams");
    }
}
