package dev.figmascim.bridge.reconcile;

/**
 * The thread running a reconciliation was interrupted, which is how the web server stops its requests when
 * the process stops without waiting for them (after {@code bridge.shutdown.run-grace}): the transaction was
 * rolled back, so nothing changed, and the run is recorded as failed with {@link #MESSAGE}.
 */
public class RunInterrupted extends ShuttingDown {

    static final String MESSAGE = "the run was interrupted (the process is shutting down) and rolled back; nothing was changed";

    RunInterrupted(Throwable cause) {
        super(MESSAGE, cause);
    }
}
