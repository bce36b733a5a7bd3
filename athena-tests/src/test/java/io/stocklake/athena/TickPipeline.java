package io.stocklake.athena;

import io.stocklake.stack.ConnectRest;
import io.stocklake.stack.ConnectRestException;
import io.stocklake.stack.ConnectorStatus;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.S3Server;
import io.stocklake.stack.TopicReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Runs the pipeline once for a test class: the source connector writes a known set of ticks to one topic, one sink
 * connector per table reads it, and this returns once every sink has committed the whole topic, that is once every
 * record is in S3 and its partition in Glue.
 */
final class TickPipeline {

    static final String TOPIC = "athena-ticks";
    private static final int TOPIC_PARTITIONS = 3;
    private static final Duration SOURCE_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration SINK_TIMEOUT = Duration.ofSeconds(240);

    private final PipelineStack stack;
    private final URI glueEndpoint;

    TickPipeline(PipelineStack stack, URI glueEndpoint) {
        this.stack = stack;
        this.glueEndpoint = glueEndpoint;
    }

    ProducedTicks run(TickSource source, List<SinkTable> tables) throws Exception {
        ConnectRest connect = stack.connect().rest();
        stack.s3().createBucket(SinkTable.BUCKET);
        try (Admin admin = admin()) {
            // Simulated event times are the record timestamps and lie months back: with the default retention the
            // broker
            // would delete the ticks minutes after they were written.
            admin.createTopics(List.of(
                            new NewTopic(TOPIC, TOPIC_PARTITIONS, (short) 1).configs(Map.of("retention.ms", "-1"))))
                    .all()
                    .get();

            connect.putConnector("tick-source", source.connectorConfig(TOPIC));
            for (SinkTable table : tables) {
                connect.putConnector(
                        table.connectorName(),
                        table.connectorConfig(
                                TOPIC, stack.s3().endpoint(), S3Server.ACCESS_KEY, S3Server.SECRET_KEY, glueEndpoint));
            }
            awaitEndOffsetSum(admin, source.ticks());
            List<Tick> ticks =
                    TopicReader.readUncommitted(stack.broker().bootstrapServers())
                            .readAll(TOPIC, Duration.ofSeconds(60))
                            .stream()
                            .map(record -> Tick.fromConnectJson(record.value()))
                            .toList();
            Map<TopicPartition, Long> end = endOffsets(admin);
            for (SinkTable table : tables) {
                awaitCommitted(admin, connect, table.connectorName(), end);
            }
            return new ProducedTicks(ticks);
        }
    }

    private void awaitEndOffsetSum(Admin admin, long expected) throws Exception {
        Instant deadline = Instant.now().plus(SOURCE_TIMEOUT);
        long sum = 0;
        while (Instant.now().isBefore(deadline)) {
            sum = endOffsets(admin).values().stream().mapToLong(Long::longValue).sum();
            if (sum >= expected) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The source wrote " + sum + " of " + expected + " ticks within " + SOURCE_TIMEOUT);
    }

    /** Waits until the sink's consumer group has committed every partition up to its end (or the sink failed). */
    private static void awaitCommitted(
            Admin admin, ConnectRest connect, String connector, Map<TopicPartition, Long> end) throws Exception {
        Instant deadline = Instant.now().plus(SINK_TIMEOUT);
        Map<TopicPartition, Long> committed = Map.of();
        while (Instant.now().isBefore(deadline)) {
            committed = committed(admin, "connect-" + connector);
            if (committed.equals(end)) {
                return;
            }
            failIfFailed(connect, connector);
            Thread.sleep(250);
        }
        throw new AssertionError(
                "Sink " + connector + " committed " + committed + " of " + end + " within " + SINK_TIMEOUT);
    }

    private static void failIfFailed(ConnectRest connect, String connector) {
        ConnectorStatus status;
        try {
            status = connect.status(connector);
        } catch (ConnectRestException e) {
            if (e.status() == 404) {
                return; // not yet started
            }
            throw e;
        }
        if (status.anyFailed()) {
            throw new AssertionError("Sink " + connector + " failed: " + status.failureTrace());
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition = 0; partition < TOPIC_PARTITIONS; partition++) {
            latest.put(new TopicPartition(TOPIC, partition), OffsetSpec.latest());
        }
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static Map<TopicPartition, Long> committed(Admin admin, String group)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        return offsets.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers()));
    }
}
