package io.stocklake.bench.analytics;

import io.stocklake.analytics.AnalyticsTopology;
import io.stocklake.analytics.config.AnalyticsConfig;
import io.stocklake.bench.Throughput;
import io.stocklake.bench.workload.CommitRate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * One instance of the analytics application (one stream thread, exactly_once_v2) in this JVM, on its own
 * application id, from the start of the tick topic. Its consumer offsets are committed in the transaction of the
 * bars, alerts and state changes they produced, so the group's committed offsets count ticks fully processed.
 */
final class AnalyticsRun {

    private final String bootstrapServers;
    private final ResultTopics results;

    AnalyticsRun(String bootstrapServers, ResultTopics results) {
        this.bootstrapServers = bootstrapServers;
        this.results = results;
    }

    Throughput run(String applicationId, String ticksTopic, long ticks, CommitRate rate, Duration timeout) {
        Path stateDir = tempDir(applicationId);
        AnalyticsConfig config = new AnalyticsConfig(settings(applicationId, ticksTopic, stateDir));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        KafkaStreams streams = new KafkaStreams(AnalyticsTopology.build(config), config.streamsProperties());
        streams.setUncaughtExceptionHandler(e -> {
            failure.compareAndSet(null, e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            streams.start();
            return rate.await(
                    "the analytics",
                    () -> committedSum(admin, applicationId, ticksTopic),
                    () -> check(failure, streams),
                    () -> "state " + streams.state(),
                    ticks,
                    timeout);
        } finally {
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
            deleteEmpty(stateDir);
        }
    }

    /** The application's settings as shipped (every key at its default), with this run's names. */
    private Map<String, String> settings(String applicationId, String ticksTopic, Path stateDir) {
        Map<String, String> settings = new HashMap<>();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        settings.put(AnalyticsConfig.TICKS_TOPIC, ticksTopic);
        settings.put(AnalyticsConfig.BARS_TOPIC, results.bars());
        settings.put(AnalyticsConfig.ALERTS_TOPIC, results.alerts());
        settings.put(AnalyticsConfig.DEAD_LETTER_TOPIC, results.deadLetters());
        return settings;
    }

    private static void check(AtomicReference<Throwable> failure, KafkaStreams streams) {
        if (failure.get() != null) {
            throw new IllegalStateException("The analytics failed", failure.get());
        }
        if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
            throw new IllegalStateException("The analytics stopped: " + streams.state());
        }
    }

    static long committedSum(Admin admin, String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(15, TimeUnit.SECONDS);
            return offsets.entrySet().stream()
                    .filter(e -> e.getValue() != null && e.getKey().topic().equals(topic))
                    .mapToLong(e -> e.getValue().offset())
                    .sum();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not read the offsets of group " + group, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static void deleteEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // not empty: left in the temporary folder
        }
    }

    private static Path tempDir(String name) {
        try {
            return Files.createTempDirectory(name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a state directory", e);
        }
    }
}
