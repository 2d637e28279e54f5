package dev.figmascim.bridge.scim;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The prefetch of a walker's next page: waited for when running, taken back when queued, best effort. */
class PagePrefetcherTest {

    @Test
    void aRequestWaitsForThePrefetchOfItsPage() {
        PagePrefetcher prefetcher = new PagePrefetcher(1);
        AtomicInteger rendered = new AtomicInteger();
        prefetcher.prefetch("Users next", () -> {
            sleep(300);
            rendered.incrementAndGet();
        });
        prefetcher.awaitFor("Users next");
        assertEquals(1, rendered.get(), "the request found the page rendered when it went on");
        prefetcher.stop();
    }

    @Test
    void aQueuedPrefetchIsTakenBackByItsRequest() throws InterruptedException {
        PagePrefetcher prefetcher = new PagePrefetcher(1);
        CountDownLatch release = new CountDownLatch(1);
        prefetcher.prefetch("another walker", () -> await(release));
        AtomicInteger rendered = new AtomicInteger();
        prefetcher.prefetch("mine", rendered::incrementAndGet);
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
        prefetcher.prefetch("busy", () -> await(release));
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < 40; i++) {
            prefetcher.prefetch("page " + i, ran::incrementAndGet);
        }
        release.countDown();
        for (int i = 0; i < 40; i++) {
            prefetcher.awaitFor("page " + i); // a dropped one is not waited for
        }
        assertTrue(ran.get() < 40, "some prefetches were dropped, not queued without bound: " + ran.get());
        prefetcher.prefetch("failing", () -> {
            throw new IllegalStateException("database gone");
        });
        prefetcher.awaitFor("failing");
        prefetcher.stop();
    }

    @Test
    void offPrefetchesNothing() {
        PagePrefetcher off = new PagePrefetcher(0);
        AtomicInteger ran = new AtomicInteger();
        off.prefetch("next", ran::incrementAndGet);
        off.awaitFor("next");
        assertFalse(off.enabled());
        assertEquals(0, ran.get());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
