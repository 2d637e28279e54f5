package dev.figmascim.bridge.security;

import dev.figmascim.bridge.scim.ScimErrorBody;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Optional;
import java.util.Set;

/**
 * Guards every request of the application it is registered in: {@code Authorization: Bearer <token>}
 * with the scope that application needs ({@code scim:read} under {@code /scim}, {@code admin} under
 * {@code /admin}). Missing or unknown token: 401 with {@code WWW-Authenticate: Bearer}; wrong scope: 403.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthFilter implements ContainerRequestFilter {

    private static final String BEARER = "bearer ";

    private final ApiTokens tokens;

    @Inject
    public BearerAuthFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Scope needed = request.getUriInfo().getBaseUri().getPath().startsWith("/admin") ? Scope.ADMIN : Scope.SCIM_READ;
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            request.abortWith(unauthorized("missing bearer token: send Authorization: Bearer <token>", null));
            return;
        }
        Optional<Set<Scope>> scopes = tokens.authenticate(header.substring(BEARER.length()).trim());
        if (scopes.isEmpty()) {
            request.abortWith(unauthorized("invalid or revoked token", "invalid_token"));
            return;
        }
        if (!scopes.get().contains(needed)) {
            request.abortWith(Response.fromResponse(ScimErrorBody.response(403, null,
                    "this token lacks the '" + needed.label() + "' scope"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"figma-scim-bridge\", error=\"insufficient_scope\", scope=\""
                            + needed.label() + "\"")
                    .build());
        }
    }

    private static Response unauthorized(String detail, String error) {
        String challenge = "Bearer realm=\"figma-scim-bridge\"" + (error == null ? "" : ", error=\"" + error + "\"");
        return Response.fromResponse(ScimErrorBody.response(401, null, detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .build();
    }
}
