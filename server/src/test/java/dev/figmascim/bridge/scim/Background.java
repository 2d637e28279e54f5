package dev.figmascim.bridge.scim;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waiting for work on background threads in tests: until a condition holds (at most 10 s), or a while. */
final class Background {

    private Background() {
    }

    static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            sleep(5);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
