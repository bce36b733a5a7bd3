package io.stocklake.source.ticks;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;

/** Turns generated ticks into source records: keyed by symbol, stamped with the event time, offset attached. */
public final class TickRecords {

    private final String topic;
    private final TickSchema schema;
    /**
     * One source partition map per symbol, shared by all its records: the worker keys its bookkeeping of
     * in-flight records by this map, and an identical instance is the cheapest key to find again.
     */
    private final Map<String, Map<String, Object>> partitions = new HashMap<>();

    public TickRecords(String topic, TickSchema schema) {
        this.topic = topic;
        this.schema = schema;
    }

    public SourceRecord toRecord(GeneratedTick generated) {
        Tick tick = generated.tick();
        return new SourceRecord(
                partitions.computeIfAbsent(tick.symbol(), TickOffsets::partition),
                TickOffsets.offset(generated.state()),
                topic,
                null,
                TickSchema.KEY,
                tick.symbol(),
                schema.value(),
                schema.toStruct(tick),
                tick.eventTimeMillis());
    }
}
