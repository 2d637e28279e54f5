package dev.figmascim.bridge.source.csv;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pass 2's reader thread: order kept, memory bounded, failures on either side end both. */
class ReadAheadTest {

    @Test
    void everyRowArrivesInOrderAndTheCountIsTheProducers() {
        List<Integer> seen = new ArrayList<>();
        long rows = ReadAhead.<Integer>run("test-read-ahead", out -> {
            for (int i = 0; i < 2_345; i++) {
                out.accept(i);
            }
            return 2_345;
        }, seen::add);
        assertEquals(2_345, rows);
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i, seen.get(i));
        }
        assertEquals(2_345, seen.size());
    }

    @Test
    void theReaderStaysAFewBatchesAheadOfASlowConsumer() {
        AtomicLong produced = new AtomicLong();
        AtomicLong mostAhead = new AtomicLong();
        long[] consumed = {0};
        ReadAhead.<Integer>run("test-read-ahead", out -> {
            for (int i = 0; i < 20_000; i++) {
                out.accept(i);
                produced.incrementAndGet();
            }
            return 20_000;
        }, row -> {
            consumed[0]++;
            mostAhead.accumulateAndGet(produced.get() - consumed[0], Math::max);
        });
        // Queued batches, the one being consumed, and the one being filled.
        assertTrue(mostAhead.get() <= (ReadAhead.BATCHES + 2L) * ReadAhead.BATCH, "read ahead by " + mostAhead.get());
    }

    @Test
    void aReaderFailureReachesTheConsumerAfterTheRowsBeforeIt() {
        List<Integer> seen = new ArrayList<>();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ReadAhead.<Integer>run("test-read-ahead", out -> {
            for (int i = 0; i < 1_200; i++) {
                out.accept(i);
            }
            throw new UncheckedIOException(new java.io.IOException("members.csv changed while it was being read"));
        }, seen::add));
        assertEquals(1_200, seen.size());
        assertTrue(e.getMessage().contains("changed while it was being read"));
    }

    @Test
    void aConsumerFailureStopsTheReader() throws InterruptedException {
        AtomicLong produced = new AtomicLong();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ReadAhead.<Long>run("test-read-ahead-stop", out -> {
            for (long i = 0; i < 10_000_000; i++) {
                out.accept(i);
                produced.incrementAndGet();
            }
            return 10_000_000;
        }, row -> {
            if (row == 700L) {
                throw new IllegalStateException("the database went away");
            }
        }));
        assertEquals("the database went away", e.getMessage());
        long after = produced.get();
        Thread.sleep(200);
        assertEquals(after, produced.get(), "the reader has stopped");
        assertTrue(after < 10_000_000);
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("test-read-ahead-stop")));
    }
}
