package dev.figmascim.bridge.admin;

import dev.figmascim.bridge.config.BridgeSettings;
import dev.figmascim.bridge.reconcile.Reconciler;
import dev.figmascim.bridge.reconcile.RunInterrupted;
import dev.figmascim.bridge.store.Store;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * Lets a reconciliation in progress finish when the server is asked to stop (SIGTERM, a rolling
 * deployment), instead of having it interrupted and rolled back: new runs are refused and readiness goes
 * down at once, then the stop waits up to {@code bridge.shutdown.run-grace} for the run and for its
 * answer to be written ({@link RunRequests}). Helidon stops its
 * web server, closing open connections, in an observer of the same event at priority 0; this one runs
 * first. A run still going after the grace period is interrupted as before ({@link RunInterrupted}).
 */
@ApplicationScoped
public class RunDrain {

    private static final Logger LOG = Logger.getLogger(RunDrain.class.getName());

    /** How long Helidon is given to finish writing an answer after Jersey has it (measured: well under 50 ms). */
    private static final Duration RESPONSE_SETTLE = Duration.ofMillis(500);

    private final Store store;
    private final Duration grace;

    @Inject
    RunDrain(Store store, BridgeSettings settings) {
        this.store = store;
        this.grace = settings.runShutdownGrace();
    }

    void beforeTheServerStops(@Observes @Priority(-1000) @BeforeDestroyed(ApplicationScoped.class) Object event) {
        try {
            long started = System.nanoTime();
            if (Reconciler.stopAfterRun(store, grace)
                    && RunRequests.awaitNone(grace.minusNanos(System.nanoTime() - started))) {
                long waited = (System.nanoTime() - started) / 1_000_000;
                if (waited > 100) {
                    // The answer has gone to Jersey, but Helidon's request thread still finishes the
                    // exchange after that; stopping at once would interrupt it and cut the answer off.
                    Thread.sleep(RESPONSE_SETTLE.toMillis());
                    LOG.info("stopping: the reconciliation in progress finished after " + waited + " ms");
                }
            } else {
                LOG.info("stopping: a reconciliation still running after " + grace + " is interrupted and rolled back");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
