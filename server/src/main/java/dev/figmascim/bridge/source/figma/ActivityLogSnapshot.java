package dev.figmascim.bridge.source.figma;

import dev.figmascim.bridge.model.Source;
import dev.figmascim.bridge.reconcile.CursorAdvance;
import dev.figmascim.bridge.reconcile.Incoming;
import dev.figmascim.bridge.reconcile.IncomingMember;
import dev.figmascim.bridge.reconcile.Snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One page of Figma's activity log ({@code GET /v1/activity_logs}) as a reconciliation batch: never complete
 * ({@link Scope#NONE}: it removes only whom an event removes), translated by {@link ActivityEventTable} and moving
 * the {@link Source#ACTIVITY_LOG} cursor from the position it was read from to the page's cursor, in the same
 * transaction as the page's changes. The page is fetched when the run asks for it, under the reconciliation lock.
 */
public final class ActivityLogSnapshot implements Snapshot {

    private final Supplier<ActivityPage> fetch;
    private final String fromCursor;
    private final String name;
    private ActivityPage page;
    private ActivityEventTable.Translation translation;

    private ActivityLogSnapshot(Supplier<ActivityPage> fetch, String fromCursor, String name) {
        this.fetch = fetch;
        this.fromCursor = fromCursor;
        this.name = name;
    }

    /**
     * The page after {@code fromCursor}, or, with no cursor yet, the first page from {@code startTime}. With a cursor,
     * no {@code start_time} is sent: the cursor alone says where to resume, and an old cursor would otherwise fall
     * outside a moving start.
     */
    public static ActivityLogSnapshot fetching(ActivityLogClient client, Instant startTime, String fromCursor, int limit) {
        Objects.requireNonNull(client, "client");
        String name = "activity log " + (fromCursor == null ? "from " + startTime : "after cursor " + fromCursor);
        return new ActivityLogSnapshot(() -> client.page(fromCursor == null ? startTime : null, fromCursor, limit), fromCursor, name);
    }

    /** A page already read (tools, tests): applying it needs the stored cursor to be {@code fromCursor}. */
    public static ActivityLogSnapshot of(ActivityPage page, String fromCursor) {
        Objects.requireNonNull(page, "page");
        return new ActivityLogSnapshot(() -> page, fromCursor, "activity log page after " + fromCursor);
    }

    @Override
    public Source source() {
        return Source.ACTIVITY_LOG;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void forEach(Consumer<IncomingMember> sink) {
        forEachIncoming(in -> {
            if (in instanceof IncomingMember member) {
                sink.accept(member);
            }
        });
    }

    @Override
    public void forEachIncoming(Consumer<? super Incoming> sink) {
        page = fetch.get();
        translation = ActivityEventTable.translate(page.events());
        translation.incoming().forEach(sink);
    }

    @Override
    public Optional<CursorAdvance> cursor() {
        return page == null ? Optional.empty() : Optional.of(new CursorAdvance(Source.ACTIVITY_LOG, fromCursor, page.cursor()));
    }

    @Override
    public List<String> warnings() {
        return translation == null ? List.of() : translation.warnings();
    }

    /** Whether Figma said more events follow the page; known after the run. */
    public boolean nextPage() {
        return page != null && page.nextPage();
    }

    /** The page's cursor (where the next page starts), or the one it was read from when it had none. */
    public String nextCursor() {
        return page == null || page.cursor() == null ? fromCursor : page.cursor();
    }

    public String fromCursor() {
        return fromCursor;
    }

    /** Events on the page; known after the run. */
    public int events() {
        return page == null ? 0 : page.events().size();
    }

    /** Events of a type the table does not know (also in the warnings); known after the run. */
    public int unknownEvents() {
        return translation == null ? 0 : translation.unknown();
    }
}
