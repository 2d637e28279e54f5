package dev.figmascim.bridge.reconcile;

/** Another reconciliation holds the lock (in this process or, on PostgreSQL, in any replica). */
public class ReconciliationBusy extends RuntimeException {

    public ReconciliationBusy() {
        this("another reconciliation is running; try again when it has finished");
    }

    protected ReconciliationBusy(String message) {
        super(message, null, false, false);
    }
}
