package dev.figmascim.bridge.health;

import dev.figmascim.bridge.source.figma.FigmaClientSettings;
import io.helidon.microprofile.health.HealthCheckProvider;
import jakarta.enterprise.inject.spi.CDI;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;

import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Registers {@link FigmaApiCheck} as a readiness check only when {@code figma.api.token} is configured: a
 * bridge that does not read Figma's REST API has nothing to check. Helidon's health support finds this class
 * through {@code META-INF/services}; annotated checks cannot be left out by configuration.
 */
public final class FigmaHealthChecks implements HealthCheckProvider {

    private static final Logger LOG = Logger.getLogger(FigmaHealthChecks.class.getName());

    @Override
    public List<HealthCheck> readinessChecks() {
        return checks(ConfigProvider.getConfig(), () -> CDI.current().select(FigmaApiCheck.class).get());
    }

    static List<HealthCheck> checks(Config config, Supplier<FigmaApiCheck> check) {
        try {
            if (FigmaClientSettings.fromConfig(config).apiToken() == null) {
                return List.of();
            }
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "no figma-api readiness check: " + e.getMessage());
            return List.of();
        }
        return List.of(check.get());
    }
}
