package dev.figmascim.bridge.reconcile;

/** Another reconciliation holds the lock (in this process or, on PostgreSQL, in any replica). */
public class ReconciliationBusy extends RuntimeException {

    public ReconciliationBusy() {
        super("another reconciliation is running; try again when it has finished", null, false, false);
    }
}
