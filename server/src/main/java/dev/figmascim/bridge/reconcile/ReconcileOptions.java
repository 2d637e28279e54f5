package dev.figmascim.bridge.reconcile;

/**
 * How to run a reconciliation.
 *
 * @param dryRun                compute and report everything, then roll back
 * @param allowMassRemoval      skip the mass-removal guard
 * @param massRemovalThreshold  the largest share of in-scope members a complete snapshot may remove (0.2 = 20 %)
 * @param progress              called every {@code progressEvery} members with the count so far; may be null
 */
public record ReconcileOptions(boolean dryRun, boolean allowMassRemoval, double massRemovalThreshold,
                               java.util.function.LongConsumer progress) {

    public static final double DEFAULT_THRESHOLD = 0.20;

    public static ReconcileOptions defaults() {
        return new ReconcileOptions(false, false, DEFAULT_THRESHOLD, null);
    }

    public ReconcileOptions {
        if (massRemovalThreshold < 0 || massRemovalThreshold > 1) {
            throw new IllegalArgumentException("the mass-removal threshold is a share between 0 and 1");
        }
    }
}
