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

/** {@code /Groups}: Figma teams, workspaces and billing groups as SCIM Groups. Reads only. */
@ApplicationScoped
@Path("Groups")
@Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
public class GroupsEndpoint extends ListingEndpoint<TeamRepository.Loaded> {

    static final Set<String> EXTENSIONS = Set.of(ScimUrns.BRIDGE_GROUP);

    private final TeamRepository teams;

    @Inject
    GroupsEndpoint(TeamRepository teams, ScimRequests requests, RepresentationCache cache, PagePrefetcher prefetcher,
                   CacheWarmUp warmUp) {
        super(requests, cache, prefetcher, warmUp, "Groups", ScimUrns.GROUP, EXTENSIONS);
        this.teams = teams;
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
                        @QueryParam("excludedAttributes") String excluded, @Context UriInfo uri, @Context Request request) {
        Projection projection = projection(attributes, excluded);
        TeamRepository.Loaded found = teams.get(id, wantsMembers(projection))
                .orElseThrow(() -> ScimException.notFound("Group " + id + " not found"));
        ObjectNode group = projection.apply(represent(found, ScimRequests.baseUrl(uri)), ScimUrns.GROUP);
        return ScimRequests.conditional(request, found.team().getVersion(), group);
    }

    @Override
    StoreGeneration.Read<ResourceQuery.Page<UUID>> findIds(ListRequest request) {
        return teams.findIds(request);
    }

    @Override
    StoreGeneration.Read<ResourceQuery.CursorPage<UUID>> findIdsNear(ListRequest request, ResourceQuery.Position at, boolean previous) {
        return teams.findIdsNear(request, at, previous);
    }

    @Override
    Map<UUID, TeamRepository.Loaded> load(List<UUID> ids, Projection projection) {
        return teams.load(ids, wantsMembers(projection));
    }

    @Override
    List<UUID> generation() {
        return teams.generation();
    }

    @Override
    ResourceQuery<?> query() {
        return teams.query();
    }

    @Override
    ObjectNode represent(TeamRepository.Loaded loaded, String baseUrl) {
        return GroupRepresentation.of(loaded.team(), loaded.memberships(), baseUrl);
    }

    @Override
    void write(TeamRepository.Loaded loaded, String baseUrl, JsonGenerator out) throws IOException {
        ScimJson.MAPPER.writeTree(out, represent(loaded, baseUrl));
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
