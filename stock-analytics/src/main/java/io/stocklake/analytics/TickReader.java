package io.stocklake.analytics;

import io.stocklake.analytics.ticks.TickParser;
import io.stocklake.analytics.ticks.TickReading;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Reads each record of the tick topic; a tick is stamped with its own event time, so windows follow when ticks
 * happened rather than when they were written.
 */
final class TickReader implements FixedKeyProcessor<String, byte[], TickReading> {

    private final TickParser parser = new TickParser();
    private FixedKeyProcessorContext<String, TickReading> context;

    @Override
    public void init(FixedKeyProcessorContext<String, TickReading> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        TickReading reading = parser.read(record.key(), record.value());
        if (reading instanceof TickReading.Valid valid) {
            context.forward(record.withValue(reading).withTimestamp(valid.tick().eventTimeMillis()));
        } else {
            context.forward(record.withValue(reading));
        }
    }
}
