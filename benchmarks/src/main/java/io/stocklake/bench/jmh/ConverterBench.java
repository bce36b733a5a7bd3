package io.stocklake.bench.jmh;

import io.stocklake.bench.workload.RecordShape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Records per second of Kafka's {@link JsonConverter} on ticks, the conversion a Connect worker runs on every record
 * on both sides of the topic: {@code fromConnectData} in the source's worker, {@code toConnectData} in the sink's.
 * Two shapes of the same ticks: the schema embedded in every record (the shipped configurations), or the payload
 * alone with the sink's converter given the schema once ({@code schema.content}, Kafka Connect 4.2 and later).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ConverterBench {

    static final int BATCH = 1_000;
    private static final String VALUE_CONVERTER_PREFIX = "value.converter.";

    /** A {@link RecordShape}: the converter settings of its shipped pair of configurations. */
    @Param({"embedded", "external"})
    public String schema;

    private JsonConverter sourceSide;
    private JsonConverter sinkSide;
    private List<SinkRecord> ticks;
    private byte[][] serialized;

    @Setup
    public void prepare() {
        RecordShape shape = RecordShape.of(schema);
        ticks = SimulatedTicks.asSinkRecords(BATCH);
        sourceSide = valueConverter(shape.sourceConverters());
        sinkSide = valueConverter(shape.sinkConverters());
        serialized = new byte[BATCH][];
        for (int i = 0; i < BATCH; i++) {
            serialized[i] = sourceSide.fromConnectData(
                    SimulatedTicks.TOPIC,
                    ticks.get(i).valueSchema(),
                    ticks.get(i).value());
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void fromConnectData(Blackhole out) {
        for (SinkRecord tick : ticks) {
            out.consume(sourceSide.fromConnectData(SimulatedTicks.TOPIC, tick.valueSchema(), tick.value()));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void toConnectData(Blackhole out) {
        for (byte[] value : serialized) {
            SchemaAndValue converted = sinkSide.toConnectData(SimulatedTicks.TOPIC, value);
            out.consume(converted.value());
        }
    }

    /** Mean bytes of one serialized tick in this shape. */
    double bytesPerRecord() {
        long bytes = 0;
        for (byte[] value : serialized) {
            bytes += value.length;
        }
        return bytes / (double) serialized.length;
    }

    /** The value converter a worker makes from a shipped file's {@code value.converter.*} settings. */
    private static JsonConverter valueConverter(Map<String, String> converters) {
        Map<String, String> config = new HashMap<>();
        converters.forEach((key, value) -> {
            if (key.startsWith(VALUE_CONVERTER_PREFIX)) {
                config.put(key.substring(VALUE_CONVERTER_PREFIX.length()), value);
            }
        });
        JsonConverter converter = new JsonConverter();
        converter.configure(config, false);
        return converter;
    }
}
