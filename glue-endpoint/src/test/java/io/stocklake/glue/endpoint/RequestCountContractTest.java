package io.stocklake.glue.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.stocklake.glue.endpoint.fault.FaultPlan;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GlueException;

/** Requests counted per action, so a test can see what a client in another process called. */
class RequestCountContractTest {
    private final LocalGlue local = LocalGlue.start();

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void nothingIsCountedBeforeTheFirstRequest() {
        assertThat(local.endpoint.requestCounts()).isEmpty();
        assertThat(local.endpoint.requestCount("GetDatabases")).isZero();
    }

    @Test
    void eachRequestIsCountedUnderItsAction() {
        local.createDatabase("market");
        local.createTable("market", "ticks");
        local.glue.batchCreatePartition(r -> r.databaseName("market")
                .tableName("ticks")
                .partitionInputList(LocalGlue.partition("ticks", "2026-11-24", "03")));
        local.glue.getTable(r -> r.databaseName("market").name("ticks"));
        local.glue.getTable(r -> r.databaseName("market").name("ticks"));

        assertThat(local.endpoint.requestCounts())
                .containsOnly(
                        entry("CreateDatabase", 1L),
                        entry("CreateTable", 1L),
                        entry("BatchCreatePartition", 1L),
                        entry("GetTable", 2L));
        assertThat(local.endpoint.requestCount("GetTable")).isEqualTo(2);
    }

    @Test
    void callsAnsweredWithAnErrorAreCounted() {
        assertThatThrownBy(() -> local.glue.getDatabase(r -> r.name("nowhere")))
                .isInstanceOf(EntityNotFoundException.class);

        assertThat(local.endpoint.requestCount("GetDatabase")).isEqualTo(1);
    }

    @Test
    void callsRefusedByAnInjectedFaultAreCounted() {
        local.endpoint.faults().set(FaultPlan.none().withOutage(Instant.now(), Instant.MAX));

        assertThatThrownBy(() -> local.glue.getDatabases(r -> {})).isInstanceOf(GlueException.class);

        assertThat(local.endpoint.requestCount("GetDatabases")).isEqualTo(1);
    }

    @Test
    void everyRetryOfAClientIsARequestOfItsOwn() {
        local.endpoint.faults().set(FaultPlan.none().withOutage(Instant.now(), Instant.MAX));
        try (GlueClient retrying = GlueClient.builder()
                .endpointOverride(local.endpoint.uri())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalGlue.ACCESS_KEY, LocalGlue.SECRET_KEY)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(3)
                        .backoffStrategy(BackoffStrategy.retryImmediately())
                        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                        .circuitBreakerEnabled(false)
                        .build()))
                .build()) {
            assertThatThrownBy(() -> retrying.getDatabases(r -> {})).isInstanceOf(GlueException.class);
        }

        assertThat(local.endpoint.requestCount("GetDatabases")).isEqualTo(3);
    }

    @Test
    void unknownActionsAreNotCounted() {
        local.raw("AWSGlue.StartCrawler", "{\"Name\":\"c\"}");

        assertThat(local.endpoint.requestCounts()).isEmpty();
    }

    @Test
    void resetStartsCountingFromZero() {
        local.glue.getDatabases(r -> {});
        local.endpoint.resetRequestCounts();
        assertThat(local.endpoint.requestCounts()).isEmpty();

        local.glue.getDatabases(r -> {});

        assertThat(local.endpoint.requestCounts()).containsOnly(entry("GetDatabases", 1L));
    }

    @Test
    void concurrentRequestsAreAllCounted() {
        List<CompletableFuture<Void>> calls = IntStream.range(0, 40)
                .mapToObj(i -> CompletableFuture.runAsync(() -> local.glue.getDatabases(r -> {})))
                .toList();
        calls.forEach(CompletableFuture::join);

        assertThat(local.endpoint.requestCount("GetDatabases")).isEqualTo(40);
    }
}
