package dev.figmascim.bridge.config;

import dev.figmascim.bridge.demo.DemoOrg;
import dev.figmascim.bridge.security.ApiTokens;
import dev.figmascim.bridge.security.Scope;
import dev.figmascim.bridge.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import java.util.EnumSet;
import java.util.logging.Logger;

/**
 * Work done once before the first request: open (and so migrate) the store, ensure the bootstrap
 * token, load the demo organisation in demo mode.
 */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event, Store store, BridgeSettings settings,
                 ApiTokens tokens) {
        LOG.info(() -> "store open: " + store.settings().safeUrl());
        if (!settings.bootstrapToken().isBlank()) {
            tokens.ensure("bootstrap", settings.bootstrapToken(), EnumSet.allOf(Scope.class));
        }
        if (settings.demo()) {
            int members = DemoOrg.load(store);
            LOG.info(() -> "demo organisation loaded: " + members + " members");
        }
    }
}
