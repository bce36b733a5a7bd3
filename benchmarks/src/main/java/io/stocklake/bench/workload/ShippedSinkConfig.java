package io.stocklake.bench.workload;

import io.stocklake.stack.PipelineStack;
import io.stocklake.testing.StackConfigs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sink's configuration as users POST it ({@code connect-configs/s3-glue-sink.json}, or the file of another
 * {@link RecordShape}), pointed at the stack's S3 server and Glue endpoint; a benchmark then changes only the keys it
 * is about.
 */
public final class ShippedSinkConfig {

    private ShippedSinkConfig() {}

    /** One task reading {@code topic} into {@code bucket} (created here), table named after the topic. */
    public static Map<String, String> forTopic(PipelineStack stack, String topic, String bucket) {
        return forTopic(stack, topic, bucket, RecordShape.EMBEDDED_SCHEMA);
    }

    /** As {@link #forTopic(PipelineStack, String, String)}, from the shipped sink file of {@code shape}. */
    public static Map<String, String> forTopic(PipelineStack stack, String topic, String bucket, RecordShape shape) {
        Map<String, String> config = ShippedConfigs.read(shape.sinkFile());
        stack.s3().createBucket(bucket);
        config.put("tasks.max", "1");
        config.put("topics", topic);
        config.put("s3.bucket.name", bucket);
        config.put("table.name", topic.replaceAll("[^A-Za-z0-9_]", "_"));
        config.put("glue.table", topic.replaceAll("[^A-Za-z0-9_]", "_"));
        config.putAll(StackConfigs.localEndpoints(stack));
        // No dead letter queue topic to create for each run: the benchmarks write no bad records.
        config.remove("errors.deadletterqueue.topic.name");
        config.remove("errors.deadletterqueue.context.headers.enable");
        return config;
    }

    /** The benchmarks' {@code flush.size}: files of 10,000 records, smaller only for smoke-size topics. */
    public static long flushSize(long records) {
        return Math.min(10_000, Math.max(1_000, records / 20));
    }

    /** The shipped {@code consumer.override.*} settings: how the framework fetches for the sink. */
    public static Map<String, String> consumerOverrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        ShippedConfigs.read(RecordShape.EMBEDDED_SCHEMA.sinkFile()).forEach((key, value) -> {
            if (key.startsWith("consumer.override.")) {
                overrides.put(key, value);
            }
        });
        return overrides;
    }
}
