package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.Source;

import java.util.Objects;

/**
 * Where an incremental source stood when its batch was read, and where it stands after it. The engine
 * commits {@code next} in the same transaction as the batch's changes, after checking that the stored
 * cursor still is {@code expected}: a batch read from a position another run has since moved past is
 * refused ({@link CursorMoved}) rather than applied twice.
 *
 * @param source   whose cursor
 * @param expected the stored cursor the batch was read from; null when there was none yet
 * @param next     the cursor after the batch; null (or equal to {@code expected}) leaves it where it is
 */
public record CursorAdvance(Source source, String expected, String next) {

    public CursorAdvance {
        Objects.requireNonNull(source, "source");
    }
}
