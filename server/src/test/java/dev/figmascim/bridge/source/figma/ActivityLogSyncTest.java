package dev.figmascim.bridge.source.figma;

import dev.figmascim.bridge.config.TestConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.figmascim.bridge.reconcile.CursorMoved;
import dev.figmascim.bridge.reconcile.ReconcileOptions;
import dev.figmascim.bridge.reconcile.Reconciler;
import dev.figmascim.bridge.reconcile.RunSummary;
import dev.figmascim.fakefigma.FakeFigma;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a sync starts, how it pages, what a dry run and a concurrent run do. */
class ActivityLogSyncTest {

    @RegisterExtension
    final NoTokenInLogs logs = new NoTokenInLogs();

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "P30D, 2026-11-01T12:00:00Z",
        "p2d, 2026-11-29T12:00:00Z",
        "PT12H, 2026-12-01T00:00:00Z",
        "P1M, 2026-11-01T12:00:00Z",
        "2026-04-01T00:00:00Z, 2026-04-01T00:00:00Z",
        "2026-04-01, 2026-04-01T00:00:00Z",
    })
    void theStartIsAnInstantADateOrHowFarBack(String value, Instant expected) {
        assertEquals(expected, FigmaSyncSettings.startFrom(value, NOW));
    }

    @ParameterizedTest
    @CsvSource({"yesterday", "-P1D", "30"})
    void aBadStartFailsNamingItsKey(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FigmaSyncSettings(value, 1000, null, null, Duration.ZERO));
        assertTrue(e.getMessage().startsWith("figma.activity.start: "), e.getMessage());
    }

    @Test
    void settingsFromConfig() {
        FigmaSyncSettings none = FigmaSyncSettings.fromConfig(TestConfig.of(Map.of()));
        assertEquals("P30D", none.activityStart());
        assertEquals(1000, none.activityPageSize());
        assertNull(none.scimInterval(), "no interval: not scheduled");
        assertNull(none.activityInterval());
        FigmaSyncSettings set = FigmaSyncSettings.fromConfig(TestConfig.of(Map.of("figma.activity.start", "2026-01-01T00:00:00Z",
                "figma.activity.page-size", "250", "figma.scim.sync-interval", "PT1H", "figma.activity.sync-interval", "pt5m",
                "figma.sync.initial-delay", "0")));
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), set.activityStartAt(NOW));
        assertEquals(250, set.activityPageSize());
        assertEquals(Duration.ofHours(1), set.scimInterval());
        assertEquals(Duration.ofMinutes(5), set.activityInterval());
        assertEquals(Duration.ZERO, set.initialDelay());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> FigmaSyncSettings.fromConfig(TestConfig.of(Map.of("figma.scim.sync-interval", "PT0S"))));
        assertTrue(zero.getMessage().contains("figma.scim.sync-interval"), zero.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> FigmaSyncSettings.fromConfig(TestConfig.of(Map.of("figma.activity.page-size", "0"))));
    }

    @Test
    void aDryRunReadsTheFirstPageAndWritesNothing() {
        try (TestStore s = TestStore.open("h2"); FakeFigma fake = FakeFigma.start(FigmaTestSupport.builtin("small"));
                ActivityLogClient client = new ActivityLogClient(FigmaTestSupport.settings(fake))) {
            ActivityLogSync sync = new ActivityLogSync(s.store, client, Instant.EPOCH, 3);
            ActivityLogSync.Result dry = sync.sync(new ReconcileOptions(true, false, 0.2, null));
            assertEquals(1, dry.pages().size());
            assertTrue(dry.pages().get(0).dryRun());
            assertTrue(dry.pages().get(0).changeEvents() > 0, "it says what it would do");
            assertNull(s.cursor());
            assertEquals(0, s.events());
            assertEquals(3, sync.sync(ReconcileOptions.defaults()).pages().size(), "seven events, pages of three");
        }
    }

    @Test
    void aPageReadFromACursorAnotherRunMovedIsRefused() {
        try (TestStore s = TestStore.open("h2"); FakeFigma fake = FakeFigma.start(FigmaTestSupport.builtin("small"));
                ActivityLogClient client = new ActivityLogClient(FigmaTestSupport.settings(fake))) {
            ActivityPage first = client.page(Instant.EPOCH, null, 3);
            // Another replica applies the first page...
            new ActivityLogSync(s.store, client, Instant.EPOCH, 3).sync(ReconcileOptions.defaults());
            long events = s.events();
            String cursor = s.cursor();
            // ...and this one, which read it before, must not apply it again.
            assertThrows(CursorMoved.class, () -> new Reconciler(s.store).run(ActivityLogSnapshot.of(first, null),
                    ReconcileOptions.defaults()));
            assertEquals(events, s.events());
            assertEquals(cursor, s.cursor());
            // Page 2's events once more, as a replay would bring them: already applied, so no change.
            ActivityPage page2 = client.page(null, FigmaEvents.cursorAfter("8812019", 1777024855L), 3);
            RunSummary replayed = new Reconciler(s.store).run(ActivityLogSnapshot.of(new ActivityPage(page2.events(), cursor, false),
                    cursor), ReconcileOptions.defaults());
            assertEquals(3, page2.events().size());
            assertEquals(0, replayed.changeEvents(), replayed.changes().toString());
            assertEquals(cursor, s.cursor());
        }
    }

}
