package dev.figmascim.bridge.reconcile;

/** A complete snapshot would remove more members than the guard allows; nothing was written. */
public class MassRemovalRefused extends RuntimeException {

    private final long wouldRemove;
    private final long inScope;

    public MassRemovalRefused(long wouldRemove, long inScope, double threshold) {
        super(String.format("refusing to remove %d of %d members (%.1f%% > %.0f%% guard); nothing was changed. "
                + "If this is intended, run again allowing it (reconcile --allow-mass-removal; admin API allowMassRemoval=true)",
                wouldRemove, inScope,
                inScope == 0 ? 0.0 : 100.0 * wouldRemove / inScope, threshold * 100), null, false, false);
        this.wouldRemove = wouldRemove;
        this.inScope = inScope;
    }

    public long wouldRemove() {
        return wouldRemove;
    }

    public long inScope() {
        return inScope;
    }
}
