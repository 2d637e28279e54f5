package dev.figmascim.bridge.config;

import dev.figmascim.bridge.demo.DemoOrg;
import dev.figmascim.bridge.health.FigmaApiCheck;
import dev.figmascim.bridge.reconcile.ReconcileOptions;
import dev.figmascim.bridge.reconcile.Reconciler;
import dev.figmascim.bridge.reconcile.ReconciliationBusy;
import dev.figmascim.bridge.reconcile.RunSummary;
import dev.figmascim.bridge.reconcile.SnapshotRejected;
import dev.figmascim.bridge.security.ApiTokens;
import dev.figmascim.bridge.security.Scope;
import dev.figmascim.bridge.source.declared.DeclaredSettings;
import dev.figmascim.bridge.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.logging.Logger;

/**
 * Work done once before the first request: open (and so migrate) the store, ensure the bootstrap
 * token, load the demo organisation in demo mode, apply the declared organisation settings, and check
 * the Figma API token (in the background: a warning at most, never a failed start).
 */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event, Store store, BridgeSettings settings,
                 ApiTokens tokens, FigmaApiCheck figmaApi) {
        LOG.info(() -> "store open: " + store.settings().safeUrl());
        if (!settings.bootstrapToken().isBlank()) {
            tokens.ensure("bootstrap", settings.bootstrapToken(), EnumSet.allOf(Scope.class));
        }
        if (settings.demo()) {
            int members = DemoOrg.load(store);
            LOG.info(() -> "demo organisation loaded: " + members + " members");
        }
        settings.orgSettingsFile().ifPresent(file -> declare(store, file));
        figmaApi.checkInBackground();
    }

    /**
     * Applies the declared settings file. A bad file fails the start (SnapshotRejected names every problem): an
     * admin who declares settings wants them, not a silent default. Another replica applying the same file at the
     * same moment is no loss, so a busy lock is only noted.
     */
    private static void declare(Store store, Path file) {
        try {
            RunSummary s = new Reconciler(store).run(DeclaredSettings.read(file), ReconcileOptions.defaults());
            LOG.info(() -> "declared organisation settings from " + file + ": " + s.changeEvents() + " change(s)");
        } catch (ReconciliationBusy e) {
            LOG.warning(() -> "declared organisation settings from " + file + " not applied now: " + e.getMessage());
        } catch (SnapshotRejected e) {
            throw new IllegalStateException(e.getMessage() + ":\n" + String.join("\n", e.problems()), e);
        }
    }
}
