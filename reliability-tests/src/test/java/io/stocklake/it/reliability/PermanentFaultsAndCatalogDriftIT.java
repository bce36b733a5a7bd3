package io.stocklake.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.stack.ConnectorStatus;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.S3Server;
import io.stocklake.testing.CatalogReader;
import io.stocklake.testing.StackConfigs;
import io.stocklake.testing.StackLifecycle;
import io.stocklake.testing.s3.S3FaultPlan;
import io.stocklake.testing.s3.S3Operation;
import io.stocklake.testing.s3.S3ProxyLifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * Faults no retry mends fail the sink task with their cause, passing ones do not, and the catalog changed behind
 * the sink's back is repaired: a missing bucket and refused credentials end FAILED naming the setting to change; a
 * missing table the sink may not create too; a few seconds of S3 answering only errors are ridden out; a partition
 * and then the whole table dropped while ticks flow are registered again. Each run that writes ends in the lake
 * audit and Trino's count.
 */
class PermanentFaultsAndCatalogDriftIT {

    private static final Duration DONE = Duration.ofSeconds(180);
    private static final Duration FAILS_WITHIN = Duration.ofSeconds(60);

    static final PipelineStack stack =
            PipelineStack.builder().workers(1).withGlue().build();

    @RegisterExtension
    @Order(1)
    static final StackLifecycle lifecycle = new StackLifecycle(stack);

    @RegisterExtension
    @Order(2)
    static final AthenaView athena = new AthenaView(stack);

    @RegisterExtension
    @Order(3)
    static final S3ProxyLifecycle s3 = new S3ProxyLifecycle(stack);

    private static GlueClient glueAdmin;

    @BeforeAll
    static void start() {
        glueAdmin = GlueClient.builder()
                .endpointOverride(stack.glue().uri())
                .region(Region.of(S3Server.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        stack.s3().accessKey(), stack.s3().secretKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stop() {
        glueAdmin.close();
    }

    @Test
    void aMissingBucketFailsTheTaskNamingTheBucketSetting() {
        TickLake lake = TickLake.of(stack, "missing-bucket");
        createTopic(lake);
        Map<String, String> sink = lake.sinkConfig(1);
        sink.put("s3.bucket.name", "no-such-lake");

        lake.rest().putConnector(lake.sink(), sink);

        assertThat(failureTrace(lake))
                .contains("no-such-lake")
                .contains("does not exist")
                .contains("s3.bucket.name");
    }

    @Test
    void refusedCredentialsFailTheTaskNamingTheCredentialSettings() {
        TickLake lake = TickLake.of(stack, "refused-credentials");
        lake.create(1);
        Map<String, String> sink = lake.sinkConfig(1);
        sink.put("aws.secret.access.key", "not-the-secret");

        lake.rest().putConnector(lake.sink(), sink);

        assertThat(failureTrace(lake))
                .contains("403")
                .contains("aws.secret.access.key")
                .doesNotContain("not-the-secret");
    }

    @Test
    void aMissingTableTheSinkMayNotCreateFailsTheTaskNamingTheSetting() {
        TickLake lake = TickLake.of(stack, "no-auto-create");
        lake.create(1);
        Map<String, String> sink = lake.sinkConfig(1);
        sink.put("glue.table.auto.create", "false");

        lake.start(sink, lake.sourceConfig(1, "AAPL", 50, 50));

        assertThat(failureTrace(lake)).contains("market.no_auto_create").contains("glue.table.auto.create=false");
        assertThat(lake.stack()
                        .s3()
                        .client()
                        .listObjectsV2(r -> r.bucket(lake.bucket()).prefix("topics/" + lake.table() + "/dt="))
                        .contents())
                .as("data files")
                .isEmpty();
    }

    @Test
    void aFewSecondsOfS3AnsweringOnlyErrorsAreRiddenOutAndLoseNothing() {
        TickLake lake = TickLake.of(stack, "s3-outage");
        lake.create(2);
        Map<String, String> sink = lake.sinkConfig(1);
        sink.putAll(StackConfigs.s3Endpoint(s3.proxy().endpoint()));
        // Requests caught in the outage back off at most 2 s between attempts: the test waits less for the recovery.
        sink.put("s3.retry.max.backoff.ms", "2000");
        long ticks = 1_500;
        lake.start(sink, lake.sourceConfig(1, "AAPL,MSFT,NVDA", ticks, 100));
        lake.awaitRunning(1, 1, Duration.ofSeconds(60));
        awaitUntil(
                "first files",
                Duration.ofSeconds(60),
                () -> s3.proxy().count(op -> op.name().equals("PutObject") && op.status() == 200) > 0);

        s3.proxy().faults(S3FaultPlan.none().withSlowDownPercent(70).withResetPercent(30));
        Instant outageEnd = Instant.now().plusSeconds(6);
        while (Instant.now().isBefore(outageEnd)) {
            assertThat(lake.rest().status(lake.sink()).anyFailed())
                    .as("failed during the outage")
                    .isFalse();
            TickLake.pause(Duration.ofMillis(500));
        }
        s3.proxy().clearFaults();

        lake.awaitTicks(ticks, DONE);
        List<ConsumerRecord<String, String>> records = lake.awaitAllCommitted(DONE);
        List<S3Operation> injected =
                s3.proxy().operations().stream().filter(S3Operation::injected).toList();
        assertThat(injected).as("503 SlowDown answers").anyMatch(op -> op.status() == 503);
        assertThat(injected).as("connection resets").anyMatch(op -> op.status() == 0);
        lake.awaitRunning(1, 1, Duration.ofSeconds(30));
        assertThat(lake.audit(records).problems()).isEmpty();
        assertThat(athena.count(lake.database(), lake.table())).isEqualTo(records.size());
    }

    @Test
    void aPartitionAndThenTheTableDroppedOutsideAreRegisteredAgainAndLoseNothing() {
        TickLake lake = TickLake.of(stack, "catalog-drift");
        lake.create(2);
        Map<String, String> sink = lake.sinkConfig(2);
        sink.put("glue.partition.cache.ttl.ms", "2000");
        // An hour of ticks every 10 s of wall-clock time: the sink writes a partition long enough to notice its drop.
        long ticks = 2_400;
        Map<String, String> source = lake.sourceConfig(1, "AAPL,MSFT,NVDA", ticks, 60);
        source.put("simulated.acceleration", "360");
        source.put("ticks.per.second", String.valueOf(60.0 / 360));
        lake.start(sink, source);
        try (CatalogReader catalog = new CatalogReader(
                stack.glue().uri(), stack.s3().accessKey(), stack.s3().secretKey())) {
            awaitUntil(
                    "a registered partition",
                    Duration.ofSeconds(60),
                    () -> !folders(catalog, lake).isEmpty());
            List<String> current = catalog.partitionValues(lake.database(), lake.table()).stream()
                    .max(Comparator.comparing(Object::toString))
                    .orElseThrow();
            glueAdmin.deletePartition(
                    r -> r.databaseName(lake.database()).tableName(lake.table()).partitionValues(current));
            awaitUntil(
                    "partition " + current + " registered again",
                    Duration.ofSeconds(30),
                    () -> catalog.partitionValues(lake.database(), lake.table()).contains(current));

            glueAdmin.deleteTable(r -> r.databaseName(lake.database()).name(lake.table()));
            awaitUntil(
                    "the table created again",
                    Duration.ofSeconds(30),
                    () -> catalog.table(lake.database(), lake.table()).isPresent());

            lake.awaitTicks(ticks, DONE);
            List<ConsumerRecord<String, String>> records = lake.awaitAllCommitted(DONE);
            lake.awaitRunning(1, 2, Duration.ofSeconds(30));
            assertThat(folders(catalog, lake)).as("registered partitions").isEqualTo(TickLake.folders(records));
            assertThat(lake.audit(records).problems()).isEmpty();
            assertThat(athena.count(lake.database(), lake.table())).isEqualTo(records.size());
        }
    }

    private static void createTopic(TickLake lake) {
        try (Admin admin = stack.broker().admin()) {
            admin.createTopics(List.of(new NewTopic(lake.topic(), 1, (short) 1)))
                    .all()
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topic " + lake.topic(), e);
        }
    }

    private static String failureTrace(TickLake lake) {
        ConnectorStatus status = lake.rest().awaitTaskFailure(lake.sink(), FAILS_WITHIN);
        String trace = status.failureTrace();
        lake.rest().deleteConnector(lake.sink());
        return trace;
    }

    private static Set<String> folders(CatalogReader catalog, TickLake lake) {
        return catalog.partitionValues(lake.database(), lake.table()).stream()
                .map(v -> "dt=" + v.get(0) + "/hour=" + v.get(1))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void awaitUntil(String what, Duration timeout, BooleanSupplier done) {
        Instant deadline = Instant.now().plus(timeout);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No " + what + " after " + timeout);
            }
            TickLake.pause(Duration.ofMillis(250));
        }
    }
}
