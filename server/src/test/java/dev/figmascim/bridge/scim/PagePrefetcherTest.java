package dev.figmascim.bridge.scim;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.figmascim.bridge.scim.Background.sleep;
import static dev.figmascim.bridge.scim.Background.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The prefetch of a walker's next page: waited for when running, taken back when queued, best effort. */
class PagePrefetcherTest {

    private static final List<UUID> GENERATION = List.of(UUID.randomUUID());

    @Test
    void aPageIsPrefetchedOncePerGeneration() {
        PagePrefetcher prefetcher = new PagePrefetcher(1);
        AtomicInteger rendered = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            prefetcher.prefetch("Users page 2", GENERATION, rendered::incrementAndGet);
            until(() -> rendered.get() >= 1);
        }
        sleep(100);
        assertEquals(1, rendered.get(), "the same first page asked again does not prefetch its second page again");
        prefetcher.prefetch("Users page 2", List.of(UUID.randomUUID()), rendered::incrementAndGet);
        until(() -> rendered.get() >= 2);
        assertEquals(2, rendered.get(), "after a commit it is prefetched again");
        prefetcher.stop();
    }

    @Test
    void aRequestWaitsForThePrefetchOfItsPage() {
        PagePrefetcher prefetcher = new PagePrefetcher(1);
        AtomicInteger rendered = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        prefetcher.prefetch("Users next", GENERATION, () -> {
            started.countDown();
            sleep(300);
            rendered.incrementAndGet();
        });
        await(started); // running, not queued: a queued one would be taken back
        prefetcher.awaitFor("Users next");
        assertEquals(1, rendered.get(), "the request found the page rendered when it went on");
        prefetcher.stop();
    }

    @Test
    void aQueuedPrefetchIsTakenBackByItsRequest() throws InterruptedException {
        PagePrefetcher prefetcher = new PagePrefetcher(1);
        CountDownLatch release = new CountDownLatch(1);
        prefetcher.prefetch("another walker", GENERATION, () -> await(release));
        AtomicInteger rendered = new AtomicInteger();
        prefetcher.prefetch("mine", GENERATION, rendered::incrementAndGet);
        long start = System.nanoTime();
        prefetcher.awaitFor("mine");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "the request did not wait behind another walker's page");
        release.countDown();
        prefetcher.stop();
        assertEquals(0, rendered.get(), "the page taken back is not rendered in the background as well");
    }

    @Test
    void aFullQueueDropsPrefetchesAndAFailureIsTheRequestsToRender() {
        PagePrefetcher prefetcher = new PagePrefetcher(1);
        CountDownLatch release = new CountDownLatch(1);
        prefetcher.prefetch("busy", GENERATION, () -> await(release));
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < 40; i++) {
            prefetcher.prefetch("page " + i, GENERATION, ran::incrementAndGet);
        }
        release.countDown();
        until(() -> ran.get() >= PagePrefetcher.QUEUE);
        sleep(200);
        assertEquals(PagePrefetcher.QUEUE, ran.get(), "what did not fit in the queue was dropped, not queued without bound");
        long start = System.nanoTime();
        prefetcher.awaitFor("page 39"); // a dropped one is not waited for
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1));
        prefetcher.prefetch("failing", GENERATION, () -> {
            throw new IllegalStateException("database gone");
        });
        prefetcher.awaitFor("failing");
        prefetcher.stop();
    }

    @Test
    void aPreparedPageIsTakenOnceAndThenPreparedAgainForTheNextWalk() {
        PagePrefetcher prefetcher = new PagePrefetcher(1);
        AtomicInteger prepared = new AtomicInteger();
        java.util.function.Supplier<PagePrefetcher.Prepared> page =
                () -> new PagePrefetcher.Prepared(GENERATION, numbered(prepared.incrementAndGet()), List.of());
        prefetcher.prepare("Users cursor 2", GENERATION, page);
        until(() -> prepared.get() >= 1);
        prefetcher.awaitFor("Users cursor 2");
        assertEquals(numbered(1), prefetcher.take("Users cursor 2").page());
        assertNull(prefetcher.take("Users cursor 2"), "a prepared page is served once");

        prefetcher.prepare("Users cursor 2", GENERATION, page); // the same walk again, in the same generation
        until(() -> prepared.get() >= 2);
        prefetcher.awaitFor("Users cursor 2");
        assertEquals(numbered(2), prefetcher.take("Users cursor 2").page());

        prefetcher.prepare("Users cursor 3", GENERATION, page);
        until(() -> prepared.get() >= 3);
        prefetcher.awaitFor("Users cursor 3");
        prefetcher.prepare("Users cursor 3", GENERATION, page); // not taken yet: nothing to prepare
        sleep(100);
        assertEquals(3, prepared.get());

        prefetcher.prepare("Users cursor 4", GENERATION, () -> null);
        sleep(100);
        prefetcher.awaitFor("Users cursor 4");
        assertNull(prefetcher.take("Users cursor 4"), "a render that returns nothing leaves nothing");
        prefetcher.stop();
    }

    /** The {@code n}th page prepared, told apart by its total. */
    private static ResourceQuery.CursorPage<UUID> numbered(int n) {
        return new ResourceQuery.CursorPage<>(List.of(), List.of(), false, n);
    }

    @Test
    void offPrefetchesNothing() {
        PagePrefetcher off = new PagePrefetcher(0);
        AtomicInteger ran = new AtomicInteger();
        off.prefetch("next", GENERATION, ran::incrementAndGet);
        off.awaitFor("next");
        assertFalse(off.enabled());
        assertEquals(0, ran.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
