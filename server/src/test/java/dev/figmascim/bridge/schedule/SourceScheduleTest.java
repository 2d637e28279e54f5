package dev.figmascim.bridge.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.figmascim.bridge.model.ReconciliationRun;
import dev.figmascim.bridge.model.Source;
import dev.figmascim.bridge.model.SourceCursor;
import dev.figmascim.bridge.reconcile.BlockingSnapshot;
import dev.figmascim.bridge.reconcile.ReconcileOptions;
import dev.figmascim.bridge.reconcile.Reconciler;
import dev.figmascim.bridge.source.figma.FigmaSources;
import dev.figmascim.bridge.source.figma.FigmaSyncSettings;
import dev.figmascim.bridge.source.figma.FigmaTestSupport;
import dev.figmascim.bridge.source.figma.NoTokenInLogs;
import dev.figmascim.bridge.store.Store;
import dev.figmascim.bridge.store.TestDatabase;
import dev.figmascim.fakefigma.FakeFigma;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The schedule: both sources on their intervals, one run at a time, a busy run skipped, stopped on shutdown. */
class SourceScheduleTest {

    @RegisterExtension
    final NoTokenInLogs logs = new NoTokenInLogs();

    static final Duration INTERVAL = Duration.ofMillis(50);

    static FigmaSources sources(Store store, FakeFigma fake, Duration scim, Duration activity) {
        return new FigmaSources(store, FigmaTestSupport.settings(fake),
                new FigmaSyncSettings("2026-04-01T00:00:00Z", 1000, scim, activity, Duration.ZERO));
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(20);
        }
    }

    @Test
    void bothSourcesRunOnTheirIntervalsOneAtATimeUntilStopped() throws InterruptedException {
        try (TestDatabase db = TestDatabase.create("h2"); Store store = Store.open(db.settings());
                FakeFigma fake = FakeFigma.start(FigmaTestSupport.builtin("small"))) {
            SourceSchedule schedule = new SourceSchedule(sources(store, fake, INTERVAL, INTERVAL));
            schedule.start();
            try {
                await(() -> schedule.completedRuns() >= 6);
            } finally {
                schedule.stop();
            }
            int done = schedule.completedRuns();
            List<ReconciliationRun> runs = store.read(em -> em.createQuery(
                    "select r from ReconciliationRun r order by r.startedAt, r.id", ReconciliationRun.class).getResultList());
            assertTrue(runs.stream().anyMatch(r -> r.getSource() == Source.FIGMA_SCIM));
            assertTrue(runs.stream().anyMatch(r -> r.getSource() == Source.ACTIVITY_LOG));
            assertNotNull(store.read(em -> em.find(SourceCursor.class, Source.ACTIVITY_LOG)));
            Instant previousEnd = Instant.MIN;
            for (ReconciliationRun r : runs) {
                assertFalse(r.getStartedAt().isBefore(previousEnd), "runs never overlap");
                previousEnd = r.getFinishedAt();
            }
            Thread.sleep(INTERVAL.toMillis() * 4);
            assertEquals(done, schedule.completedRuns(), "nothing runs after stop");
        }
    }

    @Test
    void aRunRefusedBecauseTheServerIsStoppingIsSkippedAndNothingIsWritten() throws InterruptedException {
        try (TestDatabase db = TestDatabase.create("h2"); Store store = Store.open(db.settings());
                FakeFigma fake = FakeFigma.start(FigmaTestSupport.builtin("small"))) {
            store.markClosing();
            SourceSchedule schedule = new SourceSchedule(sources(store, fake, INTERVAL, null));
            schedule.start();
            try {
                await(() -> schedule.completedRuns() >= 2);
            } finally {
                schedule.stop();
            }
            assertTrue(logs.records().stream().anyMatch(r -> r.getLevel() == java.util.logging.Level.INFO && r.getMessage() != null
                    && r.getMessage().startsWith("scheduled Figma SCIM reconciliation skipped: the server is shutting down")),
                    "logged as skipped, not as a failure");
            long runs = store.read(em -> em.createQuery("select count(r) from ReconciliationRun r", Long.class).getSingleResult());
            assertEquals(0L, runs, "a refused run records nothing");
        }
    }

    @Test
    void aRunRefusedBecauseAnotherHoldsTheLockIsSkippedAndTheScheduleGoesOn() throws InterruptedException {
        try (TestDatabase db = TestDatabase.create("h2"); Store store = Store.open(db.settings());
                FakeFigma fake = FakeFigma.start(FigmaTestSupport.builtin("small"))) {
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread upload = new Thread(() -> new Reconciler(store).run(new BlockingSnapshot(inside, release), ReconcileOptions.defaults()));
            upload.start();
            assertTrue(inside.await(20, TimeUnit.SECONDS));
            SourceSchedule schedule = new SourceSchedule(sources(store, fake, INTERVAL, null));
            schedule.start();
            try {
                await(() -> schedule.completedRuns() >= 2);
                assertTrue(logs.records().stream().anyMatch(r -> r.getMessage() != null
                        && r.getMessage().startsWith("scheduled Figma SCIM reconciliation skipped")), "logged and skipped");
                release.countDown();
                upload.join(20_000);
                await(() -> store.read(em -> em.createQuery("select count(m) from Member m", Long.class).getSingleResult()) == 9);
            } finally {
                release.countDown();
                schedule.stop();
            }
        }
    }

    @Test
    void nothingIsScheduledWithoutAnIntervalOrWithoutTheSource() {
        try (TestDatabase db = TestDatabase.create("h2"); Store store = Store.open(db.settings());
                FakeFigma fake = FakeFigma.start(FigmaTestSupport.builtin("small"))) {
            SourceSchedule off = new SourceSchedule(sources(store, fake, null, null));
            off.start();
            off.stop();
            assertEquals(0, off.completedRuns());
            FigmaSources unconfigured = new FigmaSources(store, dev.figmascim.bridge.source.figma.FigmaClientSettings.of(
                    fake.baseUrl(), null, null, null), new FigmaSyncSettings(null, 1000, INTERVAL, INTERVAL, Duration.ZERO));
            SourceSchedule missing = new SourceSchedule(unconfigured);
            missing.start();
            missing.stop();
            assertEquals(0, missing.completedRuns());
            assertTrue(logs.records().stream().anyMatch(r -> r.getMessage() != null
                    && r.getMessage().startsWith("figma.scim.sync-interval is set but the source is not configured")));
        }
    }

}
