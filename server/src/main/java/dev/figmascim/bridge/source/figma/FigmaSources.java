package dev.figmascim.bridge.source.figma;

import dev.figmascim.bridge.reconcile.ReconcileOptions;
import dev.figmascim.bridge.reconcile.Reconciler;
import dev.figmascim.bridge.reconcile.RunSummary;
import dev.figmascim.bridge.store.Store;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.Config;

/**
 * The two Figma sources as runs on a store, the one way the CLI, the admin API and the schedule start them:
 * {@link #reconcileScim} pulls Figma's SCIM API as one complete snapshot; {@link #syncActivityLog} reads the
 * activity log from its cursor, a run per page. Each call opens its own HTTP client and closes it.
 */
public final class FigmaSources {

    private final Store store;
    private final FigmaClientSettings client;
    private final FigmaSyncSettings sync;

    public FigmaSources(Store store, FigmaClientSettings client, FigmaSyncSettings sync) {
        this.store = Objects.requireNonNull(store, "store");
        this.client = Objects.requireNonNull(client, "client");
        this.sync = Objects.requireNonNull(sync, "sync");
    }

    /** Reads {@code figma.*} (FigmaClientSettings and FigmaSyncSettings); a bad value fails naming its key. */
    public static FigmaSources fromConfig(Store store, Config config) {
        return new FigmaSources(store, FigmaClientSettings.fromConfig(config), FigmaSyncSettings.fromConfig(config));
    }

    public boolean scimConfigured() {
        return client.scimUrl() != null && client.scimToken() != null;
    }

    public boolean activityLogConfigured() {
        return client.apiToken() != null;
    }

    public FigmaClientSettings clientSettings() {
        return client;
    }

    public FigmaSyncSettings syncSettings() {
        return sync;
    }

    /**
     * Pulls every SCIM user and group and reconciles them in one run.
     *
     * @throws SourceNotConfigured                                    {@code figma.scim.url} or {@code figma.scim.token} is not set
     * @throws FigmaApiException                                      Figma failed (the run is recorded as failed, nothing changed)
     * @throws dev.figmascim.bridge.reconcile.ReconciliationBusy    another run holds the lock
     * @throws dev.figmascim.bridge.reconcile.MassRemovalRefused    the pull would remove too many managed members
     */
    public RunSummary reconcileScim(ReconcileOptions options) {
        if (!scimConfigured()) {
            throw new SourceNotConfigured("Figma's SCIM API is not configured: set " + FigmaClientSettings.SCIM_URL + " and "
                    + FigmaClientSettings.SCIM_TOKEN + " (env FIGMA_SCIM_URL, FIGMA_SCIM_TOKEN)");
        }
        try (FigmaScimClient scim = new FigmaScimClient(client)) {
            return new Reconciler(store).run(new FigmaScimSnapshot(scim, "Figma SCIM " + client.scimUrl()), options);
        }
    }

    /** {@link #syncActivityLog(ReconcileOptions, Consumer)} without a per-page callback. */
    public ActivityLogSync.Result syncActivityLog(ReconcileOptions options) {
        return syncActivityLog(options, page -> { });
    }

    /**
     * Reads the activity log from the stored cursor (or {@code figma.activity.start}) to its end.
     *
     * @throws SourceNotConfigured {@code figma.api.token} is not set
     * @see ActivityLogSync#sync(ReconcileOptions, Consumer)
     */
    public ActivityLogSync.Result syncActivityLog(ReconcileOptions options, Consumer<RunSummary> afterEachPage) {
        if (!activityLogConfigured()) {
            throw new SourceNotConfigured("Figma's activity log is not configured: set " + FigmaClientSettings.API_TOKEN
                    + " (env FIGMA_API_TOKEN)");
        }
        try (ActivityLogClient log = new ActivityLogClient(client)) {
            return new ActivityLogSync(store, log, sync.activityStartAt(Instant.now()), sync.activityPageSize())
                    .sync(options, afterEachPage);
        }
    }
}
