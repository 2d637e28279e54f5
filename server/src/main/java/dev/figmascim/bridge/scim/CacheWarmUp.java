package dev.figmascim.bridge.scim;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.figmascim.bridge.config.BridgeSettings;
import dev.figmascim.bridge.store.Store;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fills the {@link RepresentationCache} with every full representation of a resource type, in the
 * background, when a list request shows that a client reads that type under a base URL and a store
 * generation not yet warmed. Without it the first walk after a start or a reconciliation (an IdP's
 * import, an SSPM's inventory) renders every page while the client waits: 2–3 times the time of a walk
 * served from the cache (docs/BENCHMARKS.md). The base URL is part of what is cached ({@code $ref},
 * {@code meta.location}), and only a request tells it, hence "on the first request" rather than at start.
 *
 * <p>After a reconciliation the walk costs little: cached Users whose version has not moved are kept
 * after one version query per page; only what the run changed is rendered. One thread, a short queue;
 * a warm-up stops when the cache is nearly full, so it never evicts what requests put there.
 */
@ApplicationScoped
class CacheWarmUp {

    private static final Logger LOG = Logger.getLogger(CacheWarmUp.class.getName());
    /** A few resource types times a few base URLs. */
    static final int QUEUE = 8;

    private final ThreadPoolExecutor pool;
    /** The generation each (resource type, base URL) was last warmed for, or is being warmed for. */
    private final Cache<String, List<UUID>> warmed = Caffeine.newBuilder().maximumSize(64)
            .expireAfterWrite(Duration.ofHours(1)).build();

    /** One step of a warm-up: renders one page after {@code at} (null: the first), returns where it ended or null at the end. */
    @FunctionalInterface
    interface Walk {
        ResourceQuery.Position next(ResourceQuery.Position at);
    }

    @Inject
    CacheWarmUp(BridgeSettings settings) {
        this(settings.scimCacheWarmUp());
    }

    CacheWarmUp(boolean enabled) {
        this.pool = enabled ? new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "scim-cache-warm-up");
            t.setDaemon(true);
            return t;
        }) : null;
        if (pool != null) {
            pool.allowCoreThreadTimeOut(true);
        }
    }

    /**
     * Starts warming {@code what} (a resource type under a base URL) unless it was warmed, or is being
     * warmed, for {@code generation}. {@code full} says when to stop early: the cache has no room left.
     */
    void request(String what, List<UUID> generation, Walk walk, java.util.function.BooleanSupplier full) {
        if (pool == null || generation.equals(warmed.getIfPresent(what))) {
            return;
        }
        warmed.put(what, generation);
        try {
            pool.execute(() -> run(what, walk, full));
        } catch (RejectedExecutionException busy) {
            warmed.invalidate(what);
        }
    }

    private void run(String what, Walk walk, java.util.function.BooleanSupplier full) {
        long start = System.nanoTime();
        int pages = 0;
        try {
            ResourceQuery.Position at = null;
            do {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                at = walk.next(at);
                pages++;
            } while (at != null && !full.getAsBoolean());
            LOG.info("representation cache warmed: " + what + ", " + pages + " pages in " + (System.nanoTime() - start) / 1_000_000
                    + " ms" + (at != null ? " (stopped: the cache is full)" : ""));
        } catch (RuntimeException e) {
            // Requests render what is missing themselves; a later generation tries again. A busy store
            // (a load in another process holds the tables) is expected, not a fault: one line.
            if (pool.isShutdown()) {
                // The process is stopping: the store may already be closed under the walk.
                LOG.fine(() -> "warming the representation cache for " + what + " stopped: the server is stopping");
            } else if (Store.isBusy(e)) {
                LOG.info("warming the representation cache for " + what + " stopped after " + pages + " pages: the store is busy");
            } else {
                LOG.log(Level.WARNING, "warming the representation cache for " + what + " failed after " + pages + " pages", e);
            }
        }
    }

    /** Stops warming as the process begins to stop, before the store closes (its disposal comes later). */
    void stopBeforeTheStoreCloses(@Observes @Priority(-1000) @BeforeDestroyed(ApplicationScoped.class) Object event) {
        stop();
    }

    @PreDestroy
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
