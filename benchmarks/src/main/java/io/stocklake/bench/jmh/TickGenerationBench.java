package io.stocklake.bench.jmh;

import io.stocklake.source.StockTickSourceTask;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.source.SourceRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Ticks per second of the source task's poll: the market model, the generator and the Connect records. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TickGenerationBench {

    static final int BATCH = 1_000;

    private StockTickSourceTask task;

    @Setup
    public void start() {
        task = SimulatedTicks.task(BATCH);
    }

    @TearDown
    public void stop() {
        task.stop();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<SourceRecord> poll() throws InterruptedException {
        List<SourceRecord> ticks = task.poll();
        if (ticks.size() != BATCH) {
            throw new IllegalStateException("A poll gave " + ticks.size() + " ticks instead of " + BATCH);
        }
        return ticks;
    }
}
