package dev.figmascim.bridge.cli;

import dev.figmascim.bridge.config.BridgeSettings;
import dev.figmascim.bridge.store.Store;
import dev.figmascim.bridge.store.StoreSettings;
import org.eclipse.microprofile.config.ConfigProvider;

/** Opens the configured store for commands that run without the server (token, migrate). */
final class StoreCommands {

    private StoreCommands() {
    }

    static StoreSettings settings() {
        return new BridgeSettings(ConfigProvider.getConfig()).store();
    }

    static Store open() {
        return Store.open(settings());
    }
}
