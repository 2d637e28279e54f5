package dev.figmascim.bridge.scim;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

import java.util.Locale;
import java.util.Set;

/**
 * The one place where writes are refused. This service provider is read-only (ARCHITECTURE §4): every
 * POST, PUT, PATCH or DELETE answers 501 with a SCIM error (RFC 7644 §3.12 lets a provider refuse an
 * operation it does not implement), except POST to a {@code .search} endpoint, which is a query.
 * Writes to the discovery endpoints answer 405, since those resources are fixed by the RFC.
 * Runs after authentication, so an anonymous write still gets 401.
 */
@PreMatching
@Priority(Priorities.AUTHORIZATION)
public class ReadOnlyFilter implements ContainerRequestFilter {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Set<String> DISCOVERY = Set.of("serviceproviderconfig", "resourcetypes", "schemas");

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (READS.contains(method)) {
            return;
        }
        String path = request.getUriInfo().getPath(true);
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (method.equals(HttpMethod.POST) && trimmed.endsWith(".search")) {
            return;
        }
        String first = trimmed.split("/", 2)[0].toLowerCase(Locale.ROOT);
        if (DISCOVERY.contains(first)) {
            request.abortWith(jakarta.ws.rs.core.Response.fromResponse(ScimErrorBody.response(405, null,
                    method + " is not allowed on a discovery endpoint")).header("Allow", "GET").build());
            return;
        }
        request.abortWith(ScimErrorBody.response(501, null,
                method + " is not supported: this SCIM service provider is read-only"));
    }
}
