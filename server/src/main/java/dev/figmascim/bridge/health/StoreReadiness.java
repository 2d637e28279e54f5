package dev.figmascim.bridge.health;

import dev.figmascim.bridge.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers, no migration is pending and the process is not stopping. */
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
        // Stopping: a load balancer should send no more work here while a run finishes.
        boolean stopping = store.isClosing();
        return HealthCheckResponse.named("store")
                .status(reachable && migrated && !stopping)
                .withData("reachable", reachable)
                .withData("migrated", migrated)
                .withData("stopping", stopping)
                .build();
    }
}
