package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.Source;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A CSV snapshot that holds the reconciliation lock: it counts {@code inside} down once the run has
 * started, then waits (at most 30 s) for {@code release}, reporting no members. For tests of what
 * happens while a run is in progress.
 */
public final class BlockingSnapshot implements Snapshot {

    private final CountDownLatch inside;
    private final CountDownLatch release;

    public BlockingSnapshot(CountDownLatch inside, CountDownLatch release) {
        this.inside = inside;
        this.release = release;
    }

    @Override
    public Source source() {
        return Source.CSV;
    }

    @Override
    public String name() {
        return "slow upload";
    }

    @Override
    public void forEach(Consumer<IncomingMember> sink) {
        inside.countDown();
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
