package dev.figmascim.bridge.source.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Reads a file's rows on a thread of its own, a few batches ahead of the thread that consumes them. A
 * reconciliation consumes rows on the thread that holds its transaction and spends much of its time
 * waiting on the database (look-ups, COPYs); parsing and mapping the next rows meanwhile uses the other
 * core instead of taking turns with it. Rows arrive in file order. Memory stays bounded: at most
 * {@value #BATCHES} batches of {@value #BATCH} rows wait. If the consumer fails, the reader is stopped;
 * if the reader fails, the consumer gets its exception after the rows read before it.
 */
final class ReadAhead {

    static final int BATCH = 500;
    static final int BATCHES = 4;

    /** Produces rows into {@code out} and returns how many. */
    @FunctionalInterface
    interface Producer<T> {
        long produce(Consumer<T> out);
    }

    private record End(long rows) {
    }

    private record Failed(Throwable error) {
    }

    /** Thrown inside the reader when the consumer has gone: unwinds the producer. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private ReadAhead() {
    }

    /** Runs {@code producer} on a reader thread and hands every row to {@code sink} on this one; returns the producer's count. */
    @SuppressWarnings("unchecked")
    static <T> long run(String threadName, Producer<T> producer, Consumer<T> sink) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES);
        Thread reader = Thread.ofPlatform().daemon().name(threadName).start(() -> {
            List<T> batch = new ArrayList<>(BATCH);
            try {
                long rows = producer.produce(row -> {
                    batch.add(row);
                    if (batch.size() == BATCH) {
                        put(queue, new ArrayList<>(batch));
                        batch.clear();
                    }
                });
                if (!batch.isEmpty()) {
                    put(queue, new ArrayList<>(batch));
                }
                put(queue, new End(rows));
            } catch (Stopped stopped) {
                // the consumer has gone
            } catch (Throwable e) {
                try {
                    if (!batch.isEmpty()) {
                        put(queue, new ArrayList<>(batch));
                    }
                    put(queue, new Failed(e));
                } catch (Stopped stopped) {
                    // the consumer has gone
                }
            }
        });
        boolean done = false;
        try {
            while (true) {
                Object next = queue.take();
                if (next instanceof End end) {
                    done = true;
                    return end.rows();
                }
                if (next instanceof Failed failed) {
                    done = true;
                    throw rethrown(failed.error());
                }
                for (T row : (List<T>) next) {
                    sink.accept(row);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading ahead", e);
        } finally {
            if (!done) {
                reader.interrupt();
                queue.clear();
            }
            joinQuietly(reader);
        }
    }

    private static void put(BlockingQueue<Object> queue, Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    private static RuntimeException rethrown(Throwable e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(e);
    }

    private static void joinQuietly(Thread reader) {
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
