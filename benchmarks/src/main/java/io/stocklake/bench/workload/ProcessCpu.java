package io.stocklake.bench.workload;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The CPU time another process on this machine has used so far, all its threads, user and system, as the OS keeps
 * it (on Linux {@code /proc/PID/stat}, read through {@link ProcessHandle}): a Connect worker's cost, read without
 * anything in the worker. The OS counts in clock ticks (10 ms on Linux), so spans of seconds are needed.
 */
public final class ProcessCpu implements LongSupplier {

    private final ProcessHandle process;

    private ProcessCpu(ProcessHandle process) {
        this.process = process;
    }

    public static ProcessCpu of(long pid) {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("No process " + pid));
        ProcessCpu cpu = new ProcessCpu(process);
        cpu.getAsLong();
        return cpu;
    }

    /** CPU nanoseconds used so far. */
    @Override
    public long getAsLong() {
        return process.info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElseThrow(() -> new IllegalStateException("The OS gives no CPU time for process " + process.pid()));
    }
}
