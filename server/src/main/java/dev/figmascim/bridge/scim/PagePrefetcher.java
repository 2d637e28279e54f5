package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.figmascim.bridge.config.BridgeSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renders the page a walker will ask for next into the {@link RepresentationCache} while it reads the
 * page it has. A walk (an SSPM's inventory, an IdP's import) asks for one page, parses it, then asks for
 * the next, by cursor (RFC 9865) or by startIndex: without this the server and the client take turns,
 * each idle while the other works. The next page's cursor, or the next startIndex of the same query,
 * names exactly what will be asked, so the work is rarely wasted; when it is (the walker stops, or a
 * reconciliation commits in between and the entries are of an older generation), it cost one page.
 *
 * <p>Best effort and bounded: a few threads, a short queue, a prefetch that finds the queue full is
 * dropped. A request whose page is being prefetched waits for that instead of rendering it a second time.
 */
@ApplicationScoped
class PagePrefetcher {

    private static final Logger LOG = Logger.getLogger(PagePrefetcher.class.getName());
    static final int QUEUE = 16;
    /** A prefetch slower than this is not waited for: the request renders what is still missing itself. */
    private static final long WAIT_MS = 10_000;

    private final ThreadPoolExecutor pool;
    private final Map<String, Future<?>> inFlight = new ConcurrentHashMap<>();
    /**
     * The pages prefetched lately, with the store generation they were read in: a client that asks for
     * the same first page again and again (a dashboard, a health check) does not prefetch its second
     * page every time.
     */
    private final Cache<String, List<UUID>> done = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5)).build();

    /**
     * A prepared page: what its request would read and render, with the store generation it was read in;
     * the request serves it only if that is still the current generation.
     */
    record Prepared(List<UUID> generation, ResourceQuery.CursorPage<UUID> page, List<JsonNode> resources) {
    }

    /** Prepared pages not yet asked for; a walker that stops leaves one, which expires. */
    private final Cache<String, Prepared> prepared = Caffeine.newBuilder().maximumSize(256)
            .expireAfterWrite(Duration.ofMinutes(2)).build();

    @Inject
    PagePrefetcher(BridgeSettings settings) {
        this(settings.scimCursorPrefetch() ? Math.max(1, Runtime.getRuntime().availableProcessors() / 2) : 0);
    }

    /** {@code threads} 0: off. */
    PagePrefetcher(int threads) {
        this.pool = threads == 0 ? null : new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "scim-prefetch");
                    t.setDaemon(true);
                    return t;
                });
        if (pool != null) {
            pool.allowCoreThreadTimeOut(true);
        }
    }

    boolean enabled() {
        return pool != null;
    }

    /**
     * Runs {@code render} in the background, known by {@code key} until it ends; not again for a key
     * already prefetched in {@code generation}.
     */
    void prefetch(String key, List<UUID> generation, Runnable render) {
        prepare(key, generation, () -> {
            render.run();
            return null;
        });
    }

    /**
     * {@link #prefetch} of a page whose result is kept for its request to {@link #take}: what
     * {@code render} returns (null: nothing), filed with the generation the result was read in.
     */
    void prepare(String key, List<UUID> generation, Supplier<Prepared> render) {
        if (pool == null || inFlight.containsKey(key) || generation.equals(done.getIfPresent(key))) {
            return;
        }
        done.put(key, generation);
        FutureTask<Void> task = new FutureTask<>(() -> {
            try {
                Prepared result = render.get();
                if (result != null) {
                    prepared.put(key, result);
                }
            } catch (RuntimeException e) {
                // The request itself will render the page, and report what goes wrong there.
                LOG.log(Level.FINE, "prefetch of a SCIM page failed", e);
            } finally {
                inFlight.remove(key);
            }
        }, null);
        if (inFlight.putIfAbsent(key, task) != null) {
            return;
        }
        try {
            pool.execute(task);
        } catch (RejectedExecutionException full) {
            inFlight.remove(key, task);
            done.invalidate(key);
        }
    }

    /**
     * The result a finished {@link #prepare} left under {@code key}, once (null: none); call after
     * {@link #awaitFor}. Taking it lets the key be prefetched again in the same generation: a second
     * walk is prepared too.
     */
    Prepared take(String key) {
        Prepared result = prepared.asMap().remove(key);
        if (result != null) {
            done.invalidate(key);
        }
        return result;
    }

    /** Waits for the prefetch known by {@code key}, if one is running or queued. */
    void awaitFor(String key) {
        Future<?> running = pool == null ? null : inFlight.get(key);
        if (running == null) {
            return;
        }
        // Still queued behind other walkers' pages: taken back, and the request renders its page itself.
        if (running instanceof Runnable queued && pool.remove(queued)) {
            inFlight.remove(key, running);
            return;
        }
        try {
            running.get(WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Rendered by the request instead.
        }
    }

    @PreDestroy
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
