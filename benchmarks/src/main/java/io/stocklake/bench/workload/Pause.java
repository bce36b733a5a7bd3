package io.stocklake.bench.workload;

/** Sleeps between polls of something the benchmark waits for; an interrupt ends the benchmark. */
public final class Pause {

    private Pause() {}

    public static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
