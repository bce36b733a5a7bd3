package io.stocklake.bench.memory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples a worker's heap in the background while it works: the heap in use every {@value #USED_EVERY_MILLIS} ms,
 * and the live heap after a forced full collection every {@value #LIVE_EVERY_MILLIS} ms, keeping the largest of each.
 */
final class HeapSampler implements AutoCloseable {

    static final long USED_EVERY_MILLIS = 500;
    static final long LIVE_EVERY_MILLIS = 3_000;

    private final WorkerHeap heap;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "heap-sampler");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong maxUsed = new AtomicLong();
    private final AtomicLong maxLive = new AtomicLong();

    HeapSampler(WorkerHeap heap) {
        this.heap = heap;
    }

    HeapSampler start() {
        timer.scheduleAtFixedRate(
                () -> maxUsed.accumulateAndGet(heap.used(), Math::max), 0, USED_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(
                () -> maxLive.accumulateAndGet(heap.liveAfterGc(), Math::max),
                LIVE_EVERY_MILLIS,
                LIVE_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
        return this;
    }

    long maxUsed() {
        return maxUsed.get();
    }

    long maxLive() {
        return maxLive.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
