package io.stocklake.bench.jmh;

import io.stocklake.bench.workload.RecordShape;
import io.stocklake.bench.workload.ShippedConfigs;
import io.stocklake.sink.catalog.NoopPartitionCatalog;
import io.stocklake.sink.commit.MemoryBudget;
import io.stocklake.sink.commit.PartitionWriters;
import io.stocklake.sink.commit.WriterDependencies;
import io.stocklake.sink.config.FormatConfig;
import io.stocklake.sink.config.SinkConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Records per second through the sink task's whole {@code put}: routing, the partition's file, encoding, the memory
 * bound, rotation and finishing each file, with the shipped sink settings and the format under test. Batches of
 * {@value #BATCH} ticks (a consumer poll's default), offsets rising without end; files go to a store that only
 * counts bytes, finished on the task's thread, and the catalog is a no-op. What is left of the sink task's time in a
 * worker is Connect's (fetch, conversion) and S3's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SinkPutBench {

    static final int BATCH = 500;
    private static final int DISTINCT_TICKS = 10_000;

    /** format/compression as the sink's configuration names them. */
    @Param({"json/none", "parquet/zstd"})
    public String format;

    private List<SinkRecord> ticks;
    private PartitionWriters writers;
    private long nextOffset;

    @Setup(Level.Trial)
    public void prepareTicks() {
        ticks = SimulatedTicks.asSinkRecords(DISTINCT_TICKS);
    }

    @Setup(Level.Iteration)
    public void openWriters() {
        String[] parts = format.split("/");
        Map<String, String> props = new HashMap<>(ShippedConfigs.read(RecordShape.EMBEDDED_SCHEMA.sinkFile()));
        props.put(FormatConfig.FORMAT, parts[0]);
        props.put(FormatConfig.COMPRESSION, parts[1]);
        SinkConfig config = new SinkConfig(props);
        WriterDependencies deps = WriterDependencies.from(
                config,
                WriterDependencies.format(config),
                new DiscardingObjectStore(),
                new NoopPartitionCatalog(),
                Clock.systemUTC(),
                Runnable::run);
        writers = new PartitionWriters(
                deps,
                new IdleSinkContext(),
                (record, problem) -> {
                    throw new IllegalStateException("tick rejected: " + problem.getMessage(), problem);
                },
                new MemoryBudget(config.rotation().bufferMaxBytes()),
                config.errors().taskRetryBackoffMs());
        writers.open(List.of(new TopicPartition(SimulatedTicks.TOPIC, 0)));
        nextOffset = 0;
    }

    @TearDown(Level.Iteration)
    public void closeWriters() {
        writers.closeAll();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void put() {
        List<SinkRecord> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++, nextOffset++) {
            SinkRecord tick = ticks.get((int) (nextOffset % DISTINCT_TICKS));
            batch.add(new SinkRecord(
                    tick.topic(),
                    tick.kafkaPartition(),
                    tick.keySchema(),
                    tick.key(),
                    tick.valueSchema(),
                    tick.value(),
                    nextOffset,
                    tick.timestamp(),
                    tick.timestampType()));
        }
        writers.put(batch);
    }
}
