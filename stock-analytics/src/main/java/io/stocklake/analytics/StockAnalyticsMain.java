package io.stocklake.analytics;

import io.stocklake.analytics.config.AnalyticsConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the analytics: {@code StockAnalyticsMain <config.properties>}. The file holds this application's keys and
 * every Kafka Streams and client setting. Instances started with the same {@code application.id} share the tick
 * topic's partitions; an instance that stops hands its partitions and state to the others, and a restarted one
 * resumes from the committed offsets and state. An error no retry mends stops the instance with a non-zero exit,
 * for its supervisor (systemd, ECS, Kubernetes) to restart it.
 */
public final class StockAnalyticsMain {

    private static final Logger log = LoggerFactory.getLogger(StockAnalyticsMain.class);

    private StockAnalyticsMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: StockAnalyticsMain <config.properties>");
            System.exit(2);
        }
        AnalyticsConfig config;
        try {
            config = new AnalyticsConfig(load(Path.of(args[0])));
        } catch (ConfigException e) {
            System.err.println("Invalid configuration in " + args[0] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(config));
    }

    /** Runs until the JVM is asked to stop (0) or the application fails (1). */
    static int run(AnalyticsConfig config) throws InterruptedException, ExecutionException {
        ResultTopics.ensure(config);
        Topology topology = AnalyticsTopology.build(config);
        log.info("Topology:\n{}", topology.describe());
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean failed = new AtomicBoolean();
        KafkaStreams streams = new KafkaStreams(topology, config.streamsProperties());
        streams.setUncaughtExceptionHandler(e -> {
            log.error("The analytics stop on an error no retry mends", e);
            failed.set(true);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> {
            log.info("State {} -> {}", before, now);
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            streams.close();
                            stopped.countDown();
                        },
                        "analytics-shutdown"));
        streams.start();
        stopped.await();
        streams.close();
        return failed.get() ? 1 : 0;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
