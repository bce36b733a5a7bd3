package io.stocklake.it.glue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stocklake.stack.PipelineStack;
import io.stocklake.testing.StackConfigs;
import io.stocklake.testing.StackLifecycle;
import io.stocklake.testing.s3.S3FaultPlan;
import io.stocklake.testing.s3.S3Operation;
import io.stocklake.testing.s3.S3TrafficProxy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The IAM policy of {@code docs/iam/sink-policy.json} against what the sink really calls: the shipped sink config
 * runs on a Connect worker through schedule rotations, a multipart upload that fails once and is aborted, a schema
 * change and a restart that reads its boundary markers back. Every S3 operation (seen by a proxy in front of the
 * S3 server) and every Glue action (counted by the Glue endpoint) must be allowed on its resource, and every
 * action the policy grants must have been needed.
 */
class IamPolicyIT {

    // The names the policy's ARNs use.
    private static final String BUCKET = "stock-lake";
    private static final String DATABASE = "stock_market";
    private static final String TABLE = "stock_ticks";
    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "123456789012";
    private static final String TOPIC = "iam-ticks";
    private static final String SINK = "iam-sink";
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(120);
    /** More than one 5 MiB part of JSON lines, so the file becomes a multipart upload. */
    private static final int BIG_FILE_RECORDS = 150_000;

    /**
     * Actions the policy grants for paths this run does not take. Keep in step with docs/aws.md ("IAM").
     * None at present: each granted action was seen.
     */
    private static final Set<String> GRANTED_FOR_PATHS_NOT_EXERCISED = Set.of();

    static final PipelineStack stack =
            PipelineStack.builder().workers(1).withGlue().build();

    @RegisterExtension
    static final StackLifecycle lifecycle = new StackLifecycle(stack);

    private static S3TrafficProxy proxy;
    private static final List<IamRequest> requests = new ArrayList<>();
    private static IamPolicy policy;

    @BeforeAll
    static void runTheSinkThroughEveryPath() throws IOException {
        Path project = Path.of(System.getProperty("stocklake.connect.configs")).getParent();
        policy = IamPolicy.read(project.resolve("docs/iam/sink-policy.json"));
        proxy = S3TrafficProxy.start(stack.s3().endpoint());
        stack.s3().createBucket(BUCKET);
        Topics.create(stack.broker(), TOPIC, 1);
        stack.glue().resetRequestCounts();
        stack.connect().rest().putConnector(SINK, shippedSinkConfig(project));

        Instant hour0 = Instant.parse("2025-06-02T00:10:00Z");
        Instant hour1 = hour0.plus(Duration.ofHours(1));
        try (TickProducer producer = new TickProducer(stack.broker().bootstrapServers());
                SinkOffsets offsets = new SinkOffsets(stack.broker())) {
            // A new table and partition; the schedule rotation leaves a boundary marker.
            send(producer, hour0, 0, 10);
            offsets.awaitAllCommitted(SINK, TOPIC, COMMIT_TIMEOUT);

            // A multipart file whose first part fails: the upload is aborted and written again.
            proxy.faults(S3FaultPlan.none().withFailedUploadParts(1));
            send(producer, hour1, 10, BIG_FILE_RECORDS);
            offsets.awaitAllCommitted(SINK, TOPIC, COMMIT_TIMEOUT);
            proxy.clearFaults();

            // A new optional field: the table gets a column.
            for (long seq = 10L + BIG_FILE_RECORDS; seq < 20L + BIG_FILE_RECORDS; seq++) {
                producer.sendWithVenue(TOPIC, 0, hour1.plusMillis(seq), "AAPL", seq, "XNAS");
            }
            producer.flush();
            offsets.awaitAllCommitted(SINK, TOPIC, COMMIT_TIMEOUT);

            // A restarted task reads and takes over its partition's boundary log, and lists earlier markers.
            stack.connect().rest().restart(SINK);
            stack.connect().rest().awaitRunning(SINK, 1, COMMIT_TIMEOUT);
            send(producer, hour1, 20L + BIG_FILE_RECORDS, 10);
            offsets.awaitAllCommitted(SINK, TOPIC, COMMIT_TIMEOUT);
        }

        String markerPrefix = "topics/_boundaries/" + TABLE + "/" + TOPIC + "/0/";
        for (S3Operation op : proxy.operations()) {
            requests.addAll(IamRequest.ofS3(op, markerPrefix));
        }
        stack.glue()
                .requestCounts()
                .keySet()
                .forEach(action -> requests.addAll(IamRequest.ofGlue(action, REGION, ACCOUNT, DATABASE, TABLE)));
    }

    @AfterAll
    static void stopProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void theRunTookTheMultipartAbortSchemaChangeAndMarkerPaths() {
        assertThat(proxy.operationCounts())
                .containsKeys(
                        "CreateMultipartUpload",
                        "UploadPart",
                        "CompleteMultipartUpload",
                        "AbortMultipartUpload",
                        "ListObjectsV2",
                        "GetObject");
        assertThat(stack.glue().requestCounts()).containsKeys("UpdateTable", "BatchCreatePartition");
    }

    @Test
    void everyS3OperationAndGlueActionTheSinkMadeIsAllowedOnItsResource() {
        List<IamRequest> denied = requests.stream()
                .filter(r -> !policy.allows(r.action(), r.resource(), r.context()))
                .distinct()
                .toList();

        assertThat(requests).isNotEmpty();
        assertThat(denied).as("calls the policy does not allow").isEmpty();
    }

    @Test
    void thePolicyGrantsNoActionTheSinkNeverNeeded() {
        Set<String> needed = new LinkedHashSet<>();
        requests.forEach(r -> needed.add(r.action()));
        Set<String> unneeded = new LinkedHashSet<>(policy.actions());
        unneeded.removeAll(needed);

        assertThat(unneeded).as("granted, never needed in this run").isSubsetOf(GRANTED_FOR_PATHS_NOT_EXERCISED);
    }

    /** connect-configs/s3-glue-sink.json as shipped, pointed at the stack, with files small and frequent. */
    private static Map<String, String> shippedSinkConfig(Path project) throws IOException {
        JsonNode document = new ObjectMapper()
                .readTree(project.resolve("connect-configs/s3-glue-sink.json").toFile());
        Map<String, String> config = new LinkedHashMap<>();
        document.path("config")
                .fields()
                .forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
        config.putAll(StackConfigs.localEndpoints(stack));
        config.putAll(StackConfigs.s3Endpoint(proxy.endpoint()));
        config.put("topics", TOPIC);
        config.put("tasks.max", "1");
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        // JSON lines, so that one file of BIG_FILE_RECORDS passes the 5 MiB part size.
        config.put("format", "json");
        config.put("compression", "none");
        config.put("s3.part.size", "5242880");
        // A failed part fails the file at once (the SDK would otherwise retry the part and never abort).
        config.put("s3.retry.max.attempts", "1");
        config.put("retry.backoff.ms", "500");
        config.put("rotate.schedule.interval.ms", "10000");
        return config;
    }

    private static void send(TickProducer producer, Instant time, long firstSeq, int count) {
        for (long seq = firstSeq; seq < firstSeq + count; seq++) {
            producer.send(TOPIC, 0, time.plusMillis(seq - firstSeq), "AAPL", seq);
        }
        producer.flush();
    }
}
