package io.stocklake.analytics;

import io.stocklake.analytics.ticks.TickReading;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * A record that is not a tick, for the dead-letter topic: its key, value and headers as they came, plus headers
 * that say why and where it came from (topic, partition, offset), as Connect's dead-letter queue does.
 */
final class DeadLetters implements FixedKeyProcessor<String, TickReading, byte[]> {

    static final String REASON = "stocklake.analytics.error.reason";
    static final String TOPIC = "stocklake.analytics.error.topic";
    static final String PARTITION = "stocklake.analytics.error.partition";
    static final String OFFSET = "stocklake.analytics.error.offset";

    private FixedKeyProcessorContext<String, byte[]> context;

    @Override
    public void init(FixedKeyProcessorContext<String, byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, TickReading> record) {
        TickReading.Invalid invalid = (TickReading.Invalid) record.value();
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(REASON, bytes(invalid.reason()));
        context.recordMetadata().ifPresent((RecordMetadata origin) -> {
            headers.add(TOPIC, bytes(origin.topic()));
            headers.add(PARTITION, bytes(Integer.toString(origin.partition())));
            headers.add(OFFSET, bytes(Long.toString(origin.offset())));
        });
        context.forward(record.withValue(invalid.value()).withHeaders(headers));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
