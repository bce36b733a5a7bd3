package io.stocklake.sink.catalog.glue;

import java.util.LinkedHashMap;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;

/**
 * What the catalog reports about its work through the task's plugin metrics (KIP-877): Glue calls made,
 * partitions registered, and how long registrations that needed Glue took. The worker tags them with the
 * connector and task.
 */
public interface GlueMetrics {

    GlueMetrics NONE = new GlueMetrics() {
        @Override
        public void call(String operation) {}

        @Override
        public void registered(int partitions) {}

        @Override
        public void registrationLatency(long millis) {}
    };

    String CALLS = "glue-calls-total";
    String PARTITIONS_REGISTERED = "glue-partitions-registered-total";
    String REGISTRATION_LATENCY_AVG = "glue-registration-latency-avg-ms";
    String REGISTRATION_LATENCY_MAX = "glue-registration-latency-max-ms";

    /** One Glue API call (its retries not counted again). */
    void call(String operation);

    /** Partitions this task created in the catalog. */
    void registered(int partitions);

    /** Duration of one registration that called Glue (lookups, creates and their retries). */
    void registrationLatency(long millis);

    /** Metrics registered in {@code metrics}; {@link #NONE} when the worker offers none. */
    static GlueMetrics of(PluginMetrics metrics) {
        if (metrics == null) {
            return NONE;
        }
        LinkedHashMap<String, String> noTags = new LinkedHashMap<>();
        Sensor calls = metrics.addSensor("glue-calls");
        calls.add(metrics.metricName(CALLS, "Glue API calls made by the task", noTags), new CumulativeCount());
        Sensor registered = metrics.addSensor("glue-partitions-registered");
        registered.add(
                metrics.metricName(PARTITIONS_REGISTERED, "Partitions the task created in the Glue catalog", noTags),
                new CumulativeSum());
        Sensor latency = metrics.addSensor("glue-registration-latency");
        latency.add(
                metrics.metricName(
                        REGISTRATION_LATENCY_AVG,
                        "Average time of a partition registration that " + "called Glue, in milliseconds",
                        noTags),
                new Avg());
        latency.add(
                metrics.metricName(
                        REGISTRATION_LATENCY_MAX,
                        "Longest time of a partition registration that " + "called Glue, in milliseconds",
                        noTags),
                new Max());
        return new GlueMetrics() {
            @Override
            public void call(String operation) {
                calls.record();
            }

            @Override
            public void registered(int partitions) {
                registered.record(partitions);
            }

            @Override
            public void registrationLatency(long millis) {
                latency.record(millis);
            }
        };
    }
}
