package dev.figmascim.bridge.config;

import dev.figmascim.bridge.security.ApiTokens;
import dev.figmascim.bridge.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * CDI producers for the one {@link Store} of the process and the services built on it. Singletons,
 * not application-scoped: these classes are final and need no client proxy.
 */
@ApplicationScoped
public class StoreBeans {

    @Produces
    @Singleton
    BridgeSettings settings(Config config) {
        return new BridgeSettings(config);
    }

    @Produces
    @Singleton
    Store store(BridgeSettings settings) {
        return Store.open(settings.store());
    }

    void close(@Disposes Store store) {
        store.close();
    }

    @Produces
    @Singleton
    ApiTokens apiTokens(Store store) {
        return new ApiTokens(store);
    }
}
