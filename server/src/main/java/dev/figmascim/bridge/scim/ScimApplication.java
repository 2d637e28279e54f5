package dev.figmascim.bridge.scim;

import dev.figmascim.bridge.security.BearerAuthFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** The SCIM 2.0 service provider at {@code /scim/v2}. */
@ApplicationScoped
@ApplicationPath("/scim/v2")
public class ScimApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(UsersEndpoint.class, GroupsEndpoint.class, RootSearchEndpoint.class, DiscoveryEndpoint.class,
                BearerAuthFilter.class, ReadOnlyFilter.class, ScimJson.class,
                ScimExceptionMapper.class, WebApplicationExceptionMapper.class, UnexpectedExceptionMapper.class);
    }
}
