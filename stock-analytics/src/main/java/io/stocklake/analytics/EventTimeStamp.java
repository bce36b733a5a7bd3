package io.stocklake.analytics;

import java.util.function.ToLongFunction;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Stamps a result with the event time it is about (a bar's minute, an alert's moment): the sink's time partitions
 * follow the record timestamp, so a bar lands in the same dt/hour partition as its ticks.
 */
final class EventTimeStamp<V> implements FixedKeyProcessor<String, V, V> {

    private final ToLongFunction<V> eventTime;
    private FixedKeyProcessorContext<String, V> context;

    EventTimeStamp(ToLongFunction<V> eventTime) {
        this.eventTime = eventTime;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        context.forward(record.withTimestamp(eventTime.applyAsLong(record.value())));
    }
}
