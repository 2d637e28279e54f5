package dev.figmascim.bridge.reconcile;

/**
 * The process is stopping (SIGTERM, a rolling deployment), so a run was not started, or was interrupted
 * and rolled back ({@link RunInterrupted}); nothing changed. Worth sending again to another replica or
 * after the restart.
 */
public class ShuttingDown extends RuntimeException {

    static final String NOT_STARTED = "the server is shutting down and starts no new reconciliation; nothing was changed;"
            + " send it to another replica or again after the restart";

    ShuttingDown(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
