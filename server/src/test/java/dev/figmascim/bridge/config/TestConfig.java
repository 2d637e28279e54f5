package dev.figmascim.bridge.config;

import io.helidon.config.mp.MpConfigSources;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

import java.util.Map;

/** A MicroProfile Config with only the given keys: no system properties, no environment, no files. */
public final class TestConfig {

    private TestConfig() {
    }

    public static Config of(Map<String, String> values) {
        return ConfigProviderResolver.instance().getBuilder().withSources(MpConfigSources.create("test", values)).build();
    }
}
