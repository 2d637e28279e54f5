package dev.figmascim.bridge.reconcile;

/**
 * The thread running a reconciliation was interrupted, which is how the web server stops its requests when
 * the process is asked to shut down (SIGTERM, a rolling deployment): the transaction was rolled back, so
 * nothing changed, and the run is recorded as failed with this message. Worth retrying on another replica
 * or after the restart.
 */
public class RunInterrupted extends RuntimeException {

    static final String MESSAGE = "the run was interrupted (the process is shutting down) and rolled back; nothing was changed";

    RunInterrupted(Throwable cause) {
        super(MESSAGE, cause, false, false);
    }
}
