package dev.figmascim.bridge.admin;

import dev.figmascim.bridge.scim.JsonBodyExceptionMapper;
import dev.figmascim.bridge.scim.ScimExceptionMapper;
import dev.figmascim.bridge.scim.ScimJson;
import dev.figmascim.bridge.scim.UnexpectedExceptionMapper;
import dev.figmascim.bridge.scim.WebApplicationExceptionMapper;
import dev.figmascim.bridge.security.BearerAuthFilter;
import jakarta.enterprise.context.ApplicationScoped;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * The admin API at {@code /admin/v1}. Errors use the same body as SCIM errors ({@code status},
 * {@code detail}), so a client needs one error reader for the whole bridge.
 */
@ApplicationScoped
@ApplicationPath("/admin/v1")
public class AdminApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(TokensResource.class, ReconciliationsResource.class, ChangesResource.class, OrgSettingsResource.class,
                MultiPartFeature.class, BearerAuthFilter.class, ScimJson.class, RunRequests.class,
                ScimExceptionMapper.class, WebApplicationExceptionMapper.class, JsonBodyExceptionMapper.class,
                ShuttingDownMapper.class, UnexpectedExceptionMapper.class);
    }
}
