package dev.figmascim.bridge.source.figma;

import static dev.figmascim.bridge.source.figma.FigmaEvents.event;
import static dev.figmascim.bridge.source.figma.FigmaEvents.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.figmascim.bridge.model.ReconciliationRun;
import dev.figmascim.bridge.model.Source;
import dev.figmascim.bridge.reconcile.ForwardingSnapshot;
import dev.figmascim.bridge.reconcile.Incoming;
import dev.figmascim.bridge.reconcile.ReconcileOptions;
import dev.figmascim.bridge.reconcile.Reconciler;
import dev.figmascim.bridge.reconcile.RunSummary;
import dev.figmascim.bridge.reconcile.Snapshot;
import dev.figmascim.fakefigma.FakeFigma;
import dev.figmascim.fakefigma.RecordedRequest;
import dev.figmascim.fakefigma.Scenario;
import dev.figmascim.fakefigma.ScimUserSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Figma failing in every way the HTTP discipline knows, in the middle of a run: the store and the activity-log cursor
 * stay exactly as they were (the run is one transaction), the failure is recorded in the history, and the next run
 * applies what the failed one would have. And the activity log failing on page 2 after page 1 committed.
 */
class FigmaFaultsTest {

    @RegisterExtension
    final NoTokenInLogs logs = new NoTokenInLogs();

    /** How Figma fails; each exhausts the client's two attempts or its patience. */
    enum Fault {
        RATE_LIMITED_BEYOND_THE_CAP(FigmaApiException.Reason.RATE_LIMITED) {
            @Override
            void inject(FakeFigma fake) {
                fake.faults().rateLimitNext(1, 3600);
            }
        },
        SERVER_ERRORS_EVERY_ATTEMPT(FigmaApiException.Reason.HTTP_ERROR) {
            @Override
            void inject(FakeFigma fake) {
                fake.faults().serverErrorNext(ATTEMPTS, 503);
            }
        },
        MALFORMED_JSON(FigmaApiException.Reason.MALFORMED_RESPONSE) {
            @Override
            void inject(FakeFigma fake) {
                fake.faults().malformedNext(1);
            }
        },
        SLOWER_THAN_THE_READ_TIMEOUT(FigmaApiException.Reason.TIMEOUT) {
            @Override
            void inject(FakeFigma fake) {
                fake.faults().delayResponses(READ_TIMEOUT.toMillis() * 3);
            }
        };

        final FigmaApiException.Reason reason;

        Fault(FigmaApiException.Reason reason) {
            this.reason = reason;
        }

        abstract void inject(FakeFigma fake);
    }

    static final int ATTEMPTS = 2;
    static final Duration READ_TIMEOUT = Duration.ofMillis(400);
    static final long LATER = 1777060000L;

    static FigmaClientSettings fast(FakeFigma fake) {
        return FigmaTestSupport.settings(fake, ATTEMPTS, READ_TIMEOUT, Duration.ofSeconds(2));
    }

    static FigmaSources sources(TestStore s, FakeFigma fake, int pageSize) {
        return new FigmaSources(s.store, fast(fake), new FigmaSyncSettings("2026-04-01T00:00:00Z", pageSize, null, null, Duration.ZERO));
    }

    /** The "small" organisation loaded from all three sources. */
    static void baseline(TestStore s) {
        try (FakeFigma fake = FakeFigma.start(FigmaTestSupport.builtin("small"))) {
            s.reconcileCsv(TestStore.sampleCsv());
            FigmaSources figma = sources(s, fake, 1000);
            figma.reconcileScim(ReconcileOptions.defaults());
            figma.syncActivityLog(ReconcileOptions.defaults());
        }
    }

    /** What Figma says after the baseline: one more provisioned user, one more sign-in. */
    static Scenario moved() {
        Scenario small = FigmaTestSupport.builtin("small");
        List<ScimUserSpec> users = new ArrayList<>(small.users());
        users.add(ScimUserSpec.builder("1600000000000000001", "lena.new@example.com").name("Lena", "New").seatType("View").build());
        Scenario more = new Scenario(small.tenantId(), small.scimToken(), small.apiToken(), small.me(), users, small.groups(),
                small.events());
        return FigmaEvents.withEvents(more, List.of(event("8819001", LATER, "user_sign_in", "null",
                user("1134567890123456781", "Ben Okafor", "ben.okafor@example.com"))));
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aFigmaScimFailureMidRunChangesNothing(Fault fault) {
        try (TestStore s = TestStore.open("h2"); FakeFigma fake = FakeFigma.start(moved())) {
            baseline(s);
            String before = s.digest(true);
            long events = s.events();
            try (FigmaScimClient client = new FigmaScimClient(fast(fake))) {
                // The users' page is read and applied in the run's transaction; then /Groups fails.
                Snapshot scim = new AfterFirstItem(new FigmaScimSnapshot(client, "Figma SCIM"), () -> fault.inject(fake));
                FigmaApiException e = FigmaTestSupport.fails(() -> new Reconciler(s.store).run(scim, ReconcileOptions.defaults()));
                assertEquals(fault.reason, e.reason(), e.getMessage());
            }
            assertTrue(FigmaTestSupport.requestsTo(fake, "/Groups").size() >= 1, "the failure came after the users were applied");
            assertEquals(before, s.digest(true));
            assertEquals(events, s.events());
            ReconciliationRun failed = s.failedRuns().get(0);
            assertEquals(Source.FIGMA_SCIM, failed.getSource());
            assertTrue(failed.getError().startsWith("Figma SCIM API GET /Groups"), failed.getError());

            fake.faults().clear();
            assertEquals(1, sources(s, fake, 1000).reconcileScim(ReconcileOptions.defaults()).added(), "the next run does the work");
            assertNotNull(s.member("lena.new@example.com"));
        }
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void anActivityLogFailureChangesNeitherTheStoreNorTheCursor(Fault fault) {
        try (TestStore s = TestStore.open("h2"); FakeFigma fake = FakeFigma.start(moved())) {
            baseline(s);
            String before = s.digest(true);
            String cursor = s.cursor();
            assertNotNull(cursor);
            fault.inject(fake);
            FigmaApiException e = FigmaTestSupport.fails(() -> sources(s, fake, 1000).syncActivityLog(ReconcileOptions.defaults()));
            assertEquals(fault.reason, e.reason(), e.getMessage());
            assertEquals(before, s.digest(true));
            assertEquals(cursor, s.cursor());
            assertEquals(Source.ACTIVITY_LOG, s.failedRuns().get(0).getSource());

            fake.faults().clear();
            ActivityLogSync.Result next = sources(s, fake, 1000).syncActivityLog(ReconcileOptions.defaults());
            assertEquals(1, next.events());
            assertEquals(FigmaEvents.cursorAfter("8819001", LATER), s.cursor());
            assertEquals(java.time.Instant.ofEpochSecond(LATER), s.member("ben.okafor@example.com").getLastSignInAt());
        }
    }

    @Test
    void aFailureOnPage2KeepsPage1AndTheNextSyncReReadsPage2AndAppliesNothingTwice() {
        Scenario scenario = FigmaEndToEndTest.scenario();
        try (TestStore s = TestStore.open("h2"); TestStore clean = TestStore.open("h2"); FakeFigma fake = FakeFigma.start(scenario)) {
            FigmaSources figma = sources(s, fake, 3);
            List<RunSummary> committed = new ArrayList<>();
            FigmaApiException e = FigmaTestSupport.fails(() -> figma.syncActivityLog(ReconcileOptions.defaults(), page -> {
                committed.add(page);
                if (committed.size() == 1) {
                    fake.faults().serverErrorNext(ATTEMPTS, 502);
                }
            }));
            assertEquals(FigmaApiException.Reason.HTTP_ERROR, e.reason());
            assertEquals(1, committed.size());
            String page1Cursor = FigmaEvents.cursorAfter("8812019", 1777024855L);
            assertEquals(page1Cursor, s.cursor(), "page 1's cursor committed with page 1");
            assertNotNull(s.member("jonas.weber@example.com"), "page 1's org_user_create kept");
            assertEquals(dev.figmascim.bridge.model.SeatType.FULL, s.member("dev.shah@example.com").getSeatType(),
                    "page 1's seat change kept, page 2's (back to collab) not applied");
            assertNull(s.member("ada.park@example.com"), "a sign-in never creates a member");
            long afterPage1 = s.events();

            fake.clearRequests();
            ActivityLogSync.Result resumed = figma.syncActivityLog(ReconcileOptions.defaults());
            assertEquals(4, resumed.pages().size(), "pages 2 to 5");
            RecordedRequest first = FigmaTestSupport.requestsTo(fake, "/v1/activity_logs").get(0);
            assertEquals(page1Cursor, first.queryParam("cursor"), "page 2 is read again from page 1's cursor");

            ActivityLogSync.Result whole = sources(clean, fake, 3).syncActivityLog(ReconcileOptions.defaults());
            assertEquals(clean.digest(false), s.digest(false), "the same store as a sync that never failed");
            assertEquals(clean.events(), s.events(), "and the same change events: nothing applied twice");
            assertEquals(whole.changeEvents(), afterPage1 + resumed.changeEvents());
            assertNotEquals(0, resumed.changeEvents());
        }
    }

    /** Runs a hook once the first item went into the run: the fault then hits the run's next request. */
    private static final class AfterFirstItem extends ForwardingSnapshot {
        private final Runnable hook;

        AfterFirstItem(Snapshot delegate, Runnable hook) {
            super(delegate);
            this.hook = hook;
        }

        @Override
        public void forEachIncoming(Consumer<? super Incoming> sink) {
            boolean[] first = {true};
            delegate.forEachIncoming(item -> {
                sink.accept(item);
                if (first[0]) {
                    first[0] = false;
                    hook.run();
                }
            });
        }
    }
}
