package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.Source;

/**
 * The source's cursor moved between reading a batch and applying it: another run (another replica)
 * applied it first. Nothing was written; read again from the stored cursor. A kind of
 * {@link ReconciliationBusy}: callers that skip a busy run skip this one too.
 */
public class CursorMoved extends ReconciliationBusy {

    public CursorMoved(Source source) {
        super("the " + source + " cursor moved while this batch was read (another run applied it); nothing was changed");
    }
}
