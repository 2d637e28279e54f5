package dev.figmascim.bridge.source.figma;

import dev.figmascim.bridge.model.Source;
import dev.figmascim.bridge.model.SourceCursor;
import dev.figmascim.bridge.reconcile.ReconcileOptions;
import dev.figmascim.bridge.reconcile.Reconciler;
import dev.figmascim.bridge.reconcile.RunSummary;
import dev.figmascim.bridge.store.Store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads the activity log from the stored cursor to its end, one reconciliation run per page: each page's cursor is
 * committed with that page's changes, so a failure (Figma, the store, the process) keeps every page before it and
 * the next sync re-reads the page that failed; nothing is skipped and nothing is applied twice. Without a stored
 * cursor the first page starts at {@code figma.activity.start}.
 */
public final class ActivityLogSync {

    /**
     * What a sync did.
     *
     * @param pages  each page's run, in order
     * @param cursor the cursor after the last page read (null when none is stored yet)
     * @param events events read
     */
    public record Result(List<RunSummary> pages, String cursor, long events) {

        public Result {
            pages = List.copyOf(pages);
        }

        public long changeEvents() {
            return pages.stream().mapToLong(RunSummary::changeEvents).sum();
        }
    }

    private final Store store;
    private final ActivityLogClient client;
    private final Instant start;
    private final int pageSize;

    /**
     * @param start    where to start while no cursor is stored
     * @param pageSize events per page (and per run), 1..1000
     */
    public ActivityLogSync(Store store, ActivityLogClient client, Instant start, int pageSize) {
        this.store = Objects.requireNonNull(store, "store");
        this.client = Objects.requireNonNull(client, "client");
        this.start = Objects.requireNonNull(start, "start");
        this.pageSize = pageSize;
    }

    public Result sync(ReconcileOptions options) {
        return sync(options, page -> { });
    }

    /**
     * Runs pages until Figma says there is no next page. A dry run reads and reports the first page only: later
     * pages would be computed against a store without the earlier ones.
     *
     * @param afterEachPage called once each page's run has committed
     * @throws FigmaApiException                                    a page could not be read (earlier pages stay applied)
     * @throws dev.figmascim.bridge.reconcile.ReconciliationBusy  another run holds the lock or moved the cursor
     */
    public Result sync(ReconcileOptions options, Consumer<RunSummary> afterEachPage) {
        List<RunSummary> runs = new ArrayList<>();
        long events = 0;
        String cursor = storedCursor(store);
        while (true) {
            ActivityLogSnapshot page = ActivityLogSnapshot.fetching(client, start, cursor, pageSize);
            RunSummary summary = new Reconciler(store).run(page, options);
            runs.add(summary);
            events += page.events();
            afterEachPage.accept(summary);
            String next = page.nextCursor();
            if (options.dryRun() || !page.nextPage()) {
                return new Result(runs, next, events);
            }
            if (next == null || next.equals(cursor)) {
                throw new FigmaApiException(FigmaApiException.Reason.MALFORMED_RESPONSE, "Figma REST API GET /v1/activity_logs", 200,
                        null, 1, "Figma REST API GET /v1/activity_logs: next_page is true but the cursor did not advance", null);
            }
            cursor = next;
        }
    }

    /** The activity-log cursor the store holds, or null before the first page with events. */
    public static String storedCursor(Store store) {
        return store.read(em -> {
            SourceCursor c = em.find(SourceCursor.class, Source.ACTIVITY_LOG);
            return c == null ? null : c.getCursorValue();
        });
    }
}
