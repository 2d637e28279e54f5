package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/**
 * RFC 7644 §4 discovery: {@code /ServiceProviderConfig}, {@code /ResourceTypes}, {@code /Schemas}.
 * A {@code filter} on any of them is refused with 403, as §4 requires.
 */
@ApplicationScoped
@Path("")
@Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
public class DiscoveryEndpoint {

    static final String SPC_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

    private final ScimRequests requests;

    @Inject
    DiscoveryEndpoint(ScimRequests requests) {
        this.requests = requests;
    }

    /** What this provider supports, truthfully: reads only, filter, sort, ETag, index paging. */
    @GET
    @Path("ServiceProviderConfig")
    public ObjectNode serviceProviderConfig(@Context UriInfo uri) {
        refuseFilter(uri);
        ObjectNode spc = JsonNodeFactory.instance.objectNode();
        spc.putArray("schemas").add(SPC_SCHEMA);
        spc.putObject("patch").put("supported", false);
        spc.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
        spc.putObject("filter").put("supported", true).put("maxResults", requests.maxCount());
        spc.putObject("changePassword").put("supported", false);
        spc.putObject("sort").put("supported", true);
        spc.putObject("etag").put("supported", true);
        // RFC 9865 §4: both index and cursor paging; index stays the default for older clients.
        spc.putObject("pagination").put("cursor", true).put("index", true)
                .put("defaultPaginationMethod", "index").put("defaultPageSize", requests.defaultCount())
                .put("maxPageSize", requests.maxCount()).put("cursorTimeout", requests.cursors().ttl().toSeconds());
        ObjectNode scheme = spc.putArray("authenticationSchemes").addObject();
        scheme.put("type", "oauthbearertoken");
        scheme.put("name", "Bearer token");
        scheme.put("description", "An API token made with 'figma-scim-bridge token create', sent as Authorization: Bearer <token>.");
        scheme.put("primary", true);
        ObjectNode meta = spc.putObject("meta");
        meta.put("resourceType", "ServiceProviderConfig");
        meta.put("location", ScimRequests.baseUrl(uri) + "ServiceProviderConfig");
        return spc;
    }

    @GET
    @Path("ResourceTypes")
    public ObjectNode resourceTypes(@Context UriInfo uri) {
        refuseFilter(uri);
        List<ObjectNode> all = ScimSchemas.resourceTypes(ScimRequests.baseUrl(uri));
        return ListResponses.of(all.size(), 1, all);
    }

    @GET
    @Path("ResourceTypes/{name}")
    public ObjectNode resourceType(@PathParam("name") String name, @Context UriInfo uri) {
        refuseFilter(uri);
        return ScimSchemas.resourceType(name, ScimRequests.baseUrl(uri))
                .orElseThrow(() -> ScimException.notFound("ResourceType " + name + " not found"));
    }

    @GET
    @Path("Schemas")
    public ObjectNode schemas(@Context UriInfo uri) {
        refuseFilter(uri);
        List<ObjectNode> all = ScimSchemas.schemas(ScimRequests.baseUrl(uri));
        return ListResponses.of(all.size(), 1, all);
    }

    @GET
    @Path("Schemas/{id}")
    public ObjectNode schema(@PathParam("id") String id, @Context UriInfo uri) {
        refuseFilter(uri);
        return ScimSchemas.schema(id, ScimRequests.baseUrl(uri))
                .orElseThrow(() -> ScimException.notFound("Schema " + id + " not found"));
    }

    /** RFC 7644 §3.11: a provider without /Me answers 501. */
    @GET
    @Path("Me")
    public ObjectNode me() {
        throw new ScimException(501, null, "/Me is not supported: tokens here belong to clients, not to Figma users");
    }

    private static void refuseFilter(UriInfo uri) {
        if (uri.getQueryParameters().containsKey("filter")) {
            throw new ScimException(403, null, "filtering is not supported on discovery endpoints (RFC 7644 §4)");
        }
    }
}
