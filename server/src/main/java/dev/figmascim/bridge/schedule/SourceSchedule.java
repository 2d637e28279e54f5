package dev.figmascim.bridge.schedule;

import dev.figmascim.bridge.reconcile.ReconcileOptions;
import dev.figmascim.bridge.reconcile.ReconciliationBusy;
import dev.figmascim.bridge.reconcile.ShuttingDown;
import dev.figmascim.bridge.reconcile.RunSummary;
import dev.figmascim.bridge.source.figma.ActivityLogSync;
import dev.figmascim.bridge.source.figma.FigmaSources;
import dev.figmascim.bridge.source.figma.FigmaSyncSettings;
import dev.figmascim.bridge.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the Figma sources on their intervals (ISO-8601 durations; absent = off), starting when the application does
 * and stopping before it is torn down. One thread runs every scheduled reconciliation, each with a fixed delay after
 * the previous one ended, so scheduled runs never overlap one another; a run refused because another holds the
 * reconciliation lock (an upload, the CLI, another replica) is logged and skipped until its next turn. A failure is
 * logged and never stops the schedule. Helidon's scheduling module is not available to this build, hence a plain
 * {@link ScheduledExecutorService}.
 */
@ApplicationScoped
public class SourceSchedule {

    private static final Logger LOG = Logger.getLogger(SourceSchedule.class.getName());

    private final FigmaSources sources;
    private final AtomicInteger completed = new AtomicInteger();
    private volatile ScheduledExecutorService executor;

    @Inject
    SourceSchedule(Store store, Config config) {
        this(FigmaSources.fromConfig(store, config));
    }

    SourceSchedule(FigmaSources sources) {
        this.sources = sources;
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        start();
    }

    void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        stop();
    }

    /** Schedules what is configured; does nothing when no interval is set. */
    synchronized void start() {
        FigmaSyncSettings s = sources.syncSettings();
        boolean scim = s.scimInterval() != null && configured(sources.scimConfigured(), FigmaSyncSettings.SCIM_INTERVAL);
        boolean activity = s.activityInterval() != null
                && configured(sources.activityLogConfigured(), FigmaSyncSettings.ACTIVITY_INTERVAL);
        if (!scim && !activity || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "figma-sync");
            t.setDaemon(true);
            return t;
        });
        if (scim) {
            schedule("Figma SCIM", this::runScim, s.initialDelay(), s.scimInterval());
        }
        if (activity) {
            schedule("activity log", this::runActivityLog, s.initialDelay(), s.activityInterval());
        }
    }

    private static boolean configured(boolean configured, String key) {
        if (!configured) {
            LOG.warning(() -> key + " is set but the source is not configured (URL or token missing): not scheduled");
        }
        return configured;
    }

    private void schedule(String name, Runnable run, Duration initialDelay, Duration interval) {
        executor.scheduleWithFixedDelay(run, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info(() -> name + " reconciliation scheduled every " + interval);
    }

    /** Stops the schedule, interrupting a run in progress (whose transaction then rolls back). */
    synchronized void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running == null) {
            return;
        }
        running.shutdownNow();
        try {
            if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warning("a scheduled reconciliation did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Scheduled runs that finished (succeeded, failed or were skipped). */
    int completedRuns() {
        return completed.get();
    }

    void runScim() {
        attempt("Figma SCIM", () -> {
            RunSummary s = sources.reconcileScim(ReconcileOptions.defaults());
            return s.added() + " added, " + s.updated() + " updated, " + s.removed() + " removed, " + s.changeEvents() + " change event(s)";
        });
    }

    void runActivityLog() {
        attempt("activity log", () -> {
            ActivityLogSync.Result r = sources.syncActivityLog(ReconcileOptions.defaults());
            return r.pages().size() + " page(s), " + r.events() + " event(s), " + r.changeEvents() + " change event(s)";
        });
    }

    /** Runs one reconciliation; nothing it throws may escape, or the executor would cancel the schedule. */
    private void attempt(String name, java.util.function.Supplier<String> run) {
        try {
            String outcome = run.get();
            LOG.info(() -> "scheduled " + name + " reconciliation: " + outcome);
        } catch (ReconciliationBusy | ShuttingDown e) {
            LOG.info(() -> "scheduled " + name + " reconciliation skipped: " + e.getMessage());
        } catch (RuntimeException e) {
            // Messages of Figma failures carry no token (FigmaApiException's contract); the stack trace only at FINE.
            LOG.warning(() -> "scheduled " + name + " reconciliation failed: " + e.getMessage());
            LOG.log(Level.FINE, "scheduled " + name + " reconciliation failed", e);
        } finally {
            completed.incrementAndGet();
        }
    }
}
