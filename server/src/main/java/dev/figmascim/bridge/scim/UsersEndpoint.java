package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.core.JsonGenerator;
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

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** {@code /Users}: Figma members as SCIM Users (RFC 7644 §3.4.1–3.4.3). Reads only. */
@ApplicationScoped
@Path("Users")
@Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
public class UsersEndpoint extends ListingEndpoint<MemberRepository.Loaded> {

    static final Set<String> EXTENSIONS = Set.of(ScimUrns.ENTERPRISE_USER, ScimUrns.FIGMA_USER, ScimUrns.BRIDGE_USER);

    private final MemberRepository members;

    @Inject
    UsersEndpoint(MemberRepository members, ScimRequests requests, RepresentationCache cache, PagePrefetcher prefetcher,
                  CacheWarmUp warmUp) {
        super(requests, cache, prefetcher, warmUp, "Users", ScimUrns.USER, EXTENSIONS);
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
    StoreGeneration.Read<ResourceQuery.Page<UUID>> findIds(ListRequest request) {
        return members.findIds(request);
    }

    @Override
    StoreGeneration.Read<ResourceQuery.CursorPage<UUID>> findIdsNear(ListRequest request, ResourceQuery.Position at, boolean previous) {
        return members.findIdsNear(request, at, previous);
    }

    @Override
    Map<UUID, MemberRepository.Loaded> load(List<UUID> ids, Projection projection) {
        return members.load(ids, wantsGroups(projection));
    }

    @Override
    RepresentationCache.Versions<MemberRepository.Loaded> versions() {
        return members.versions();
    }

    @Override
    List<UUID> generation() {
        return members.generation();
    }

    @Override
    ResourceQuery<?> query() {
        return members.query();
    }

    @Override
    void write(MemberRepository.Loaded loaded, String baseUrl, JsonGenerator out) throws IOException {
        UserRepresentation.write(loaded.member(), loaded.memberships(), baseUrl, out);
    }

    private static boolean wantsGroups(Projection projection) {
        return projection.wants(ScimUrns.USER, "groups") || projection.wants(ScimUrns.BRIDGE_USER, "teams");
    }
}
