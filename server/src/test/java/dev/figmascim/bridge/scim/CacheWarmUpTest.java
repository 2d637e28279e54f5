package dev.figmascim.bridge.scim;

import dev.figmascim.bridge.testing.LogCapture;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static dev.figmascim.bridge.scim.Background.sleep;
import static dev.figmascim.bridge.scim.Background.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The background warm-up of the representation cache: every page once per generation, stopped by a full cache. */
class CacheWarmUpTest {

    private static final List<UUID> GENERATION = List.of(UUID.randomUUID());

    /** A walk of {@code pages} pages that counts the pages it reads. */
    private static CacheWarmUp.Walk pages(int pages, AtomicInteger read) {
        return at -> {
            read.incrementAndGet();
            int index = at == null ? 1 : Integer.parseInt(at.sortValue().toString()) + 1;
            return index < pages ? new ResourceQuery.Position(Integer.toString(index), UUID.randomUUID()) : null;
        };
    }

    @Test
    void everyPageIsReadOncePerGeneration() {
        CacheWarmUp warmUp = new CacheWarmUp(true);
        AtomicInteger read = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            warmUp.request("Users https://a.test/", GENERATION, pages(3, read), () -> false);
        }
        until(() -> read.get() >= 3);
        sleep(200);
        assertEquals(3, read.get(), "asked five times in one generation, the three pages were read once");

        warmUp.request("Users https://b.test/", GENERATION, pages(3, read), () -> false);
        until(() -> read.get() >= 6);
        warmUp.request("Users https://a.test/", List.of(UUID.randomUUID()), pages(3, read), () -> false);
        until(() -> read.get() >= 9);
        sleep(200);
        assertEquals(9, read.get(), "another base URL and, after a commit, the same one are warmed again");
        warmUp.stop();
    }

    @Test
    void aFullCacheStopsTheWalk() {
        CacheWarmUp warmUp = new CacheWarmUp(true);
        AtomicInteger read = new AtomicInteger();
        warmUp.request("Users https://a.test/", GENERATION, pages(100, read), () -> read.get() >= 4);
        until(() -> read.get() >= 4);
        sleep(200);
        assertEquals(4, read.get(), "no page is read once the cache has no room");
        warmUp.stop();
    }

    @Test
    void aBusyStoreIsOneLineAndAFaultAStackTrace() {
        List<LogRecord> logged;
        CacheWarmUp warmUp = new CacheWarmUp(true);
        try (LogCapture capture = LogCapture.of(CacheWarmUp.class.getName())) {
            warmUp.request("Users https://a.test/", GENERATION, at -> {
                throw new IllegalStateException(new SQLException("canceling statement due to lock timeout", "55P03"));
            }, () -> false);
            warmUp.request("Users https://b.test/", GENERATION, at -> {
                throw new IllegalStateException("database gone");
            }, () -> false);
            until(() -> capture.records().size() >= 2);
            logged = capture.records();
        } finally {
            warmUp.stop();
        }
        LogRecord busy = logged.get(0).getThrown() == null ? logged.get(0) : logged.get(1);
        LogRecord fault = busy == logged.get(0) ? logged.get(1) : logged.get(0);
        assertEquals(Level.INFO, busy.getLevel());
        assertNull(busy.getThrown());
        assertTrue(busy.getMessage().contains("https://a.test/") && busy.getMessage().contains("busy"), busy.getMessage());
        assertEquals(Level.WARNING, fault.getLevel());
        assertEquals("database gone", fault.getThrown().getMessage());
    }

    @Test
    void aFailedWarmUpIsTriedAgainInTheNextGenerationAndOffWarmsNothing() {
        CacheWarmUp warmUp = new CacheWarmUp(true);
        AtomicInteger tried = new AtomicInteger();
        warmUp.request("Users https://a.test/", GENERATION, at -> {
            tried.incrementAndGet();
            throw new IllegalStateException("database gone");
        }, () -> false);
        until(() -> tried.get() >= 1);
        AtomicInteger read = new AtomicInteger();
        warmUp.request("Users https://a.test/", List.of(UUID.randomUUID()), pages(2, read), () -> false);
        until(() -> read.get() >= 2);
        assertEquals(2, read.get());
        warmUp.stop();

        CacheWarmUp off = new CacheWarmUp(false);
        off.request("Users https://a.test/", GENERATION, pages(2, read), () -> false);
        sleep(200);
        assertEquals(2, read.get(), "off reads nothing");
    }
}
