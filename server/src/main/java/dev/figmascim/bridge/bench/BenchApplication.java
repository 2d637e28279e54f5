package dev.figmascim.bridge.bench;

import dev.figmascim.bridge.scim.ScimExceptionMapper;
import dev.figmascim.bridge.scim.ScimJson;
import dev.figmascim.bridge.scim.UnexpectedExceptionMapper;
import dev.figmascim.bridge.scim.WebApplicationExceptionMapper;
import dev.figmascim.bridge.security.BearerAuthFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.config.Config;

import java.util.Set;

/** {@code /bench/v1}: empty (every path 404) unless {@code bridge.bench.enabled=true}. Same auth as SCIM. */
@ApplicationScoped
@ApplicationPath("/bench/v1")
public class BenchApplication extends Application {

    private final boolean enabled;

    @Inject
    BenchApplication(Config config) {
        this.enabled = config.getOptionalValue("bridge.bench.enabled", Boolean.class).orElse(false);
    }

    /** For CDI proxies only. */
    protected BenchApplication() {
        this.enabled = false;
    }

    @Override
    public Set<Class<?>> getClasses() {
        if (!enabled) {
            return Set.of(WebApplicationExceptionMapper.class);
        }
        return Set.of(BenchResource.class, BearerAuthFilter.class, ScimJson.class, ScimExceptionMapper.class,
                WebApplicationExceptionMapper.class, UnexpectedExceptionMapper.class);
    }
}
