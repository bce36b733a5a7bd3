package io.stocklake.source.ticks;

import org.apache.kafka.connect.source.SourceRecord;

/** Turns generated ticks into source records: keyed by symbol, stamped with the event time, offset attached. */
public final class TickRecords {

    private final String topic;

    public TickRecords(String topic) {
        this.topic = topic;
    }

    public SourceRecord toRecord(GeneratedTick generated) {
        Tick tick = generated.tick();
        return new SourceRecord(
                TickOffsets.partition(tick.symbol()),
                TickOffsets.offset(generated.state()),
                topic,
                null,
                TickSchema.KEY,
                tick.symbol(),
                TickSchema.VALUE,
                TickSchema.toStruct(tick),
                tick.eventTimeMillis());
    }
}
