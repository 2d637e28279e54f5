package dev.figmascim.bridge.bench;

import dev.figmascim.bridge.scim.ScimExceptionMapper;
import dev.figmascim.bridge.scim.ScimJson;
import dev.figmascim.bridge.scim.UnexpectedExceptionMapper;
import dev.figmascim.bridge.scim.WebApplicationExceptionMapper;
import dev.figmascim.bridge.security.BearerAuthFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * {@code /bench/v1}, with the same auth as SCIM. Its resource answers 404 on every path unless
 * {@code bridge.bench.enabled=true}: an application without resources makes Jersey fail every
 * request with a 500 instead.
 */
@ApplicationScoped
@ApplicationPath("/bench/v1")
public class BenchApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(BenchResource.class, BearerAuthFilter.class, ScimJson.class, ScimExceptionMapper.class,
                WebApplicationExceptionMapper.class, UnexpectedExceptionMapper.class);
    }
}
