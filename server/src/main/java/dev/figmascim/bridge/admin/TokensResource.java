package dev.figmascim.bridge.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.figmascim.bridge.scim.ScimException;
import dev.figmascim.bridge.security.ApiTokens;
import dev.figmascim.bridge.security.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /admin/v1/tokens}: list, create (the secret is in the answer, once) and revoke API tokens. */
@ApplicationScoped
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {

    private final ApiTokens tokens;

    @Inject
    TokensResource(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GET
    public ObjectNode list() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode items = out.putArray("tokens");
        tokens.list().forEach(t -> items.add(json(t)));
        return out;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body) {
        JsonNode scopes = body == null ? null : body.get("scopes");
        if (body == null || !body.path("name").isTextual() || scopes != null && !scopes.isNull() && !scopes.isTextual()) {
            throw ScimException.invalidValue("body must be {\"name\": \"...\", \"scopes\": \"scim:read,admin\"}");
        }
        try {
            ApiTokens.Created created = tokens.create(body.get("name").asText(),
                    Scope.parseList(body.path("scopes").asText("scim:read")));
            ObjectNode out = json(created.info());
            out.put("token", created.secret());
            return Response.status(201).entity(out).build();
        } catch (IllegalArgumentException e) {
            throw ScimException.invalidValue(e.getMessage());
        }
    }

    @DELETE
    @Path("{nameOrId}")
    public Response revoke(@PathParam("nameOrId") String nameOrId) {
        if (!tokens.revoke(nameOrId)) {
            throw ScimException.notFound("no token named " + nameOrId);
        }
        return Response.noContent().build();
    }

    private static ObjectNode json(ApiTokens.TokenInfo t) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", t.id());
        o.put("name", t.name());
        o.put("scopes", Scope.toList(t.scopes()));
        o.put("createdAt", t.createdAt().toString());
        o.put("lastUsedAt", t.lastUsedAt() == null ? null : t.lastUsedAt().toString());
        o.put("revokedAt", t.revokedAt() == null ? null : t.revokedAt().toString());
        return o;
    }
}
