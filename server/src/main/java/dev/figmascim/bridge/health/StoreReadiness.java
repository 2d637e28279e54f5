package dev.figmascim.bridge.health;

import dev.figmascim.bridge.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers and no migration is pending. */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {

    private final Store store;

    @Inject
    StoreReadiness(Store store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        boolean reachable = store.isReachable();
        boolean migrated = reachable && store.isMigrated();
        return HealthCheckResponse.named("store")
                .status(reachable && migrated)
                .withData("reachable", reachable)
                .withData("migrated", migrated)
                .build();
    }
}
