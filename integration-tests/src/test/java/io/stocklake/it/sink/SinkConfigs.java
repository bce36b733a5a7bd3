package io.stocklake.it.sink;

import io.stocklake.stack.PipelineStack;
import io.stocklake.testing.StackConfigs;
import java.util.HashMap;
import java.util.Map;

/** Sink connector configurations against the stack's S3 server; tests add the keys they are about. */
final class SinkConfigs {

    static final String SINK_CLASS = "io.stocklake.sink.S3GlueSinkConnector";

    private SinkConfigs() {}

    /**
     * One task reading {@code topic} into {@code bucket}, JSON values with schemas, time partitions from the
     * {@code event_time} field, nothing rotating early unless a test says so.
     */
    static Map<String, String> forTopic(PipelineStack stack, String topic, String bucket) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", SINK_CLASS);
        config.put("tasks.max", "1");
        config.put("topics", topic);
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "true");
        putS3(config, stack);
        config.put("s3.bucket.name", bucket);
        config.put("partition.time.source", "field");
        config.put("partition.time.field", "event_time");
        config.put("flush.size", "100000");
        config.put("buffer.max.bytes", String.valueOf(16 * 1024 * 1024));
        config.put("retry.backoff.ms", "500");
        // These tests are about S3; Glue registration has its own tests (it/glue) and is on by default.
        config.put("glue.enabled", "false");
        return config;
    }

    /** What a deployment adds to connect-configs/s3-sink.json to reach the stack's S3 server. */
    static void putS3(Map<String, String> config, PipelineStack stack) {
        config.putAll(StackConfigs.localS3(stack));
    }
}
