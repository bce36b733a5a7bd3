package io.stocklake.sink.commit;

import io.stocklake.sink.catalog.PartitionCatalog;
import io.stocklake.sink.config.Compression;
import io.stocklake.sink.config.DataFormat;
import io.stocklake.sink.config.MetadataColumn;
import io.stocklake.sink.config.NullValueBehavior;
import io.stocklake.sink.config.PathTemplate;
import io.stocklake.sink.config.TableNaming;
import io.stocklake.sink.config.TimeSource;
import io.stocklake.sink.format.FileFormat;
import io.stocklake.sink.format.JsonLinesTestFormat;
import io.stocklake.sink.route.ObjectLayout;
import io.stocklake.sink.route.PartitionTime;
import io.stocklake.sink.route.RecordRouter;
import io.stocklake.sink.testing.InMemoryObjectStore;
import io.stocklake.sink.testing.MutableClock;
import io.stocklake.sink.testing.RecordingSinkTaskContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/** Builds partition writers over an in-memory store with the settings a test changes; makes tick records. */
final class WriterFixture {

    static final String TOPIC = "stock-ticks";
    static final TopicPartition TP0 = new TopicPartition(TOPIC, 0);
    static final TopicPartition TP1 = new TopicPartition(TOPIC, 1);
    static final Instant T0 = Instant.parse("2026-11-24T03:00:00Z");

    static final Schema TICK = SchemaBuilder.struct()
            .name("Tick")
            .field("symbol", Schema.STRING_SCHEMA)
            .field("ts", Schema.INT64_SCHEMA)
            .field("price", Schema.FLOAT64_SCHEMA)
            .build();
    static final Schema TICK_V2 = SchemaBuilder.struct()
            .name("Tick")
            .field("symbol", Schema.STRING_SCHEMA)
            .field("ts", Schema.INT64_SCHEMA)
            .field("price", Schema.FLOAT64_SCHEMA)
            .field("size", Schema.OPTIONAL_INT32_SCHEMA)
            .build();

    InMemoryObjectStore store = new InMemoryObjectStore();
    MutableClock clock = new MutableClock(T0.plusSeconds(10));
    RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
    PartitionCatalog catalog = new io.stocklake.sink.catalog.NoopPartitionCatalog();
    /** Same thread by default, so a rotation lands before the put returns. */
    Executor uploads = Runnable::run;

    int flushSize = 1000;
    long rotateSizeBytes = Long.MAX_VALUE;
    long spanMs = -1;
    long scheduleMs = -1;
    long bufferMaxBytes = Long.MAX_VALUE;
    FileFormat format = new JsonLinesTestFormat();
    NullValueBehavior nullValues = NullValueBehavior.FAIL;
    List<MetadataColumn> metadataColumns = List.of();
    BadRecordHandler badRecords =
            (record, problem) -> context.errantRecordReporter().report(record, problem);

    /** The memory budget of the writers made last. */
    MemoryBudget budget;

    PartitionWriters writers() {
        RecordRouter router = new RecordRouter(
                new TableNaming(""),
                PathTemplate.parse("'dt'=yyyy-MM-dd/'hour'=HH"),
                List.of("symbol"),
                PartitionTime.from(TimeSource.FIELD, "ts", clock),
                ZoneOffset.UTC);
        WriterDependencies deps = new WriterDependencies(
                store,
                format,
                DataFormat.JSON,
                Compression.NONE,
                router,
                new ObjectLayout("stock-lake", "topics"),
                catalog,
                new RotationPolicy(flushSize, rotateSizeBytes, spanMs, scheduleMs, ZoneOffset.UTC),
                nullValues,
                clock,
                uploads,
                metadataColumns);
        budget = new MemoryBudget(bufferMaxBytes);
        PartitionWriters writers = new PartitionWriters(deps, context, badRecords, budget, 100);
        writers.open(List.of(TP0, TP1));
        return writers;
    }

    static SinkRecord tick(TopicPartition tp, long offset, String symbol, Instant time) {
        Struct value = new Struct(TICK)
                .put("symbol", symbol)
                .put("ts", time.toEpochMilli())
                .put("price", 1.5);
        return new SinkRecord(
                tp.topic(),
                tp.partition(),
                null,
                null,
                TICK,
                value,
                offset,
                time.toEpochMilli(),
                TimestampType.CREATE_TIME);
    }

    static SinkRecord tick(long offset, String symbol) {
        return tick(TP0, offset, symbol, T0.plusMillis(offset));
    }

    static SinkRecord withValue(TopicPartition tp, long offset, Schema schema, Object value) {
        return new SinkRecord(
                tp.topic(),
                tp.partition(),
                null,
                null,
                schema,
                value,
                offset,
                T0.toEpochMilli(),
                TimestampType.CREATE_TIME);
    }

    static List<SinkRecord> ticks(long from, long to, String... symbols) {
        List<SinkRecord> records = new ArrayList<>();
        for (long offset = from; offset < to; offset++) {
            records.add(tick(offset, symbols[(int) (offset % symbols.length)]));
        }
        return records;
    }

    static String dataKey(String partition, TopicPartition tp, long start) {
        return "topics/stock_ticks/" + partition + "/" + tp.topic() + "+" + tp.partition() + "+"
                + String.format("%020d", start) + ".json";
    }

    /** Object contents as text, for readable comparisons. */
    static Map<String, String> text(Map<String, byte[]> objects) {
        Map<String, String> text = new TreeMap<>();
        objects.forEach((k, v) -> text.put(k, new String(v, StandardCharsets.UTF_8)));
        return text;
    }

    /** The {@code ts} values of the lines of one object, which the ticks above derive from offsets. */
    static List<String> lines(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    static long committed(PartitionWriters writers, TopicPartition tp) {
        var offset = writers.committableOffsets().get(tp);
        return offset == null ? -1 : offset.offset();
    }

    /** The boundaries partition 0's boundary log records, as a replay would obey them. */
    static List<Long> recordedCuts(InMemoryObjectStore store) {
        String log = new String(store.get("topics/_boundaries/stock_ticks/stock-ticks/0/log"));
        return log.lines()
                .filter(line -> line.startsWith("cuts"))
                .flatMap(line -> Arrays.stream(line.split(" ")).skip(1))
                .map(Long::parseLong)
                .toList();
    }
}
