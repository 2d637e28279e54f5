package dev.figmascim.bridge.config;

import dev.figmascim.bridge.security.ApiTokens;
import dev.figmascim.bridge.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

import java.util.concurrent.CompletableFuture;

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

    private static volatile CompletableFuture<Store> early;

    /**
     * Starts opening the store (pool, Flyway, Hibernate: the slowest part of start-up) on another
     * thread while CDI boots; the producer below then only waits for it. Also warms the queries every
     * first request runs, so the first client is not the one that pays for them.
     */
    public static void openEarly(BridgeSettings settings) {
        early = CompletableFuture.supplyAsync(() -> {
            Store store = Store.open(settings.store());
            store.read(em -> em.createQuery("select count(t) from ApiToken t where t.tokenHash = :h", Long.class)
                    .setParameter("h", "").getSingleResult());
            return store;
        });
    }

    @Produces
    @Singleton
    Store store(BridgeSettings settings) {
        CompletableFuture<Store> opening = early;
        early = null;
        return opening == null ? Store.open(settings.store()) : opening.join();
    }

    void close(@Disposes Store store) {
        store.close();
    }

    @Produces
    @Singleton
    ApiTokens apiTokens(Store store, BridgeSettings settings) {
        return new ApiTokens(store, settings.tokenCacheTtl());
    }
}
