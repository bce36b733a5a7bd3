package io.stocklake.sink.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The topic's records, made up front from the seed. Every value carries its own offset, so a line in an object
 * maps back to it; bad records lack their time field, or hold a text there that is no time, or a time past any
 * calendar; now and then the schema gains a field.
 */
final class RecordLog {

    static final String TOPIC = "ticks";
    static final Instant T0 = Instant.parse("2026-11-24T03:00:00Z");

    static final Schema TICK = SchemaBuilder.struct()
            .name("Tick")
            .field("symbol", Schema.STRING_SCHEMA)
            .field("ts", Schema.INT64_SCHEMA)
            .field("offset", Schema.INT64_SCHEMA)
            .field("price", Schema.FLOAT64_SCHEMA)
            .build();
    static final Schema TICK_V2 = SchemaBuilder.struct()
            .name("Tick")
            .field("symbol", Schema.STRING_SCHEMA)
            .field("ts", Schema.INT64_SCHEMA)
            .field("offset", Schema.INT64_SCHEMA)
            .field("price", Schema.FLOAT64_SCHEMA)
            .field("size", Schema.OPTIONAL_INT32_SCHEMA)
            .build();
    static final Schema NO_TIME = SchemaBuilder.struct()
            .name("Tick")
            .field("symbol", Schema.STRING_SCHEMA)
            .field("offset", Schema.INT64_SCHEMA)
            .field("price", Schema.FLOAT64_SCHEMA)
            .build();
    static final Schema TEXT_TIME = SchemaBuilder.struct()
            .name("Tick")
            .field("symbol", Schema.STRING_SCHEMA)
            .field("ts", Schema.STRING_SCHEMA)
            .field("offset", Schema.INT64_SCHEMA)
            .field("price", Schema.FLOAT64_SCHEMA)
            .build();

    private static final String[] SYMBOLS = {"AAPL", "MSFT", "IBM"};

    private final List<TopicPartition> partitions = new ArrayList<>();
    private final Map<TopicPartition, List<SinkRecord>> records = new HashMap<>();
    private final Map<TopicPartition, boolean[]> bad = new HashMap<>();

    RecordLog(Random random, int partitionCount, int recordsPerPartition, double badRate) {
        long stepMs = new long[] {200, 5_000, 60_000, 400_000}[random.nextInt(4)];
        int symbols = 1 + random.nextInt(SYMBOLS.length);
        for (int p = 0; p < partitionCount; p++) {
            TopicPartition tp = new TopicPartition(TOPIC, p);
            partitions.add(tp);
            int count = recordsPerPartition / 2 + random.nextInt(recordsPerPartition);
            List<SinkRecord> log = new ArrayList<>(count);
            boolean[] isBad = new boolean[count];
            Schema schema = TICK;
            for (int offset = 0; offset < count; offset++) {
                if (random.nextInt(60) == 0) {
                    schema = schema == TICK ? TICK_V2 : TICK;
                }
                String symbol = SYMBOLS[random.nextInt(symbols)];
                long ts = T0.toEpochMilli() + offset * stepMs + random.nextInt((int) stepMs);
                Struct value;
                if (random.nextDouble() < badRate) {
                    isBad[offset] = true;
                    if (random.nextBoolean()) {
                        value = new Struct(NO_TIME)
                                .put("symbol", symbol)
                                .put("offset", (long) offset)
                                .put("price", 1.0);
                    } else if (offset % 2 == 0) {
                        value = new Struct(TEXT_TIME)
                                .put("symbol", symbol)
                                .put("ts", "noon")
                                .put("offset", (long) offset)
                                .put("price", 1.0);
                    } else {
                        // A time no Instant arithmetic holds.
                        value = new Struct(TICK)
                                .put("symbol", symbol)
                                .put("ts", Long.MAX_VALUE)
                                .put("offset", (long) offset)
                                .put("price", 1.0);
                    }
                } else {
                    value = new Struct(schema)
                            .put("symbol", symbol)
                            .put("ts", ts)
                            .put("offset", (long) offset)
                            .put("price", 1.5);
                }
                log.add(new SinkRecord(
                        tp.topic(),
                        tp.partition(),
                        null,
                        null,
                        value.schema(),
                        value,
                        offset,
                        ts,
                        TimestampType.CREATE_TIME));
            }
            records.put(tp, log);
            bad.put(tp, isBad);
        }
    }

    List<TopicPartition> partitions() {
        return partitions;
    }

    long end(TopicPartition tp) {
        return records.get(tp).size();
    }

    SinkRecord record(TopicPartition tp, long offset) {
        return records.get(tp).get((int) offset);
    }

    boolean isBad(TopicPartition tp, long offset) {
        return bad.get(tp)[(int) offset];
    }
}
