package io.stocklake.sink.commit;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.sink.catalog.CatalogException;
import io.stocklake.sink.storage.StorageException;
import io.stocklake.sink.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.model.S3Exception;

class FailurePolicyTest {

    private static final TopicPartition TP = new TopicPartition("ticks", 0);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T03:00:00Z"));
    private final FailurePolicy policy = new FailurePolicy(clock);

    private static StorageException s3(int status, String code) {
        return new StorageException(
                "list of s3://lake/topics/ failed",
                S3Exception.builder()
                        .statusCode(status)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode(code)
                                .errorMessage(code)
                                .build())
                        .build());
    }

    @Test
    void aPassingFailureIsRetriedForAsLongAsItLasts() {
        for (int i = 0; i < 100; i++) {
            assertThat(policy.onFailure(TP, s3(503, "SlowDown"), 7)).isInstanceOf(RetriableException.class);
            clock.advance(Duration.ofSeconds(10));
        }
    }

    @Test
    void aPermanentCauseIsRetriedUntilConfirmedThenFailsTheTaskNamingTheSetting() {
        RuntimeException first = policy.onFailure(TP, s3(404, "NoSuchBucket"), 7);
        clock.advance(FailurePolicy.CONFIRMATION.minusMillis(1));
        RuntimeException tooSoon = policy.onFailure(TP, s3(404, "NoSuchBucket"), 7);
        clock.advance(Duration.ofMillis(1));
        RuntimeException confirmed = policy.onFailure(TP, s3(404, "NoSuchBucket"), 7);

        assertThat(first).isInstanceOf(RetriableException.class);
        assertThat(tooSoon).isInstanceOf(RetriableException.class);
        assertThat(confirmed)
                .isExactlyInstanceOf(ConnectException.class)
                .hasMessageContaining("ticks-0")
                .hasMessageContaining("s3.bucket.name")
                .hasMessageContaining("offset 7")
                .hasCauseInstanceOf(StorageException.class);
    }

    @Test
    void aPassingFailureInBetweenStartsTheConfirmationAnew() {
        policy.onFailure(TP, s3(403, "InvalidAccessKeyId"), 7);
        clock.advance(FailurePolicy.CONFIRMATION);
        policy.onFailure(TP, s3(500, "InternalError"), 7);
        clock.advance(Duration.ofSeconds(1));

        assertThat(policy.onFailure(TP, s3(403, "InvalidAccessKeyId"), 7)).isInstanceOf(RetriableException.class);
        clock.advance(FailurePolicy.CONFIRMATION);
        assertThat(policy.onFailure(TP, s3(403, "InvalidAccessKeyId"), 7))
                .isExactlyInstanceOf(ConnectException.class)
                .hasMessageContaining("aws.access.key.id");
    }

    @Test
    void aPermanentCatalogFailureFailsTheTaskOnceConfirmed() {
        CatalogException missing = CatalogException.permanent(
                "Glue table market.ticks does not exist and "
                        + "glue.table.auto.create=false; create it, or let the sink create it",
                null);

        assertThat(policy.onFailure(TP, missing, 0)).isInstanceOf(RetriableException.class);
        clock.advance(FailurePolicy.CONFIRMATION);
        assertThat(policy.onFailure(TP, missing, 0))
                .isExactlyInstanceOf(ConnectException.class)
                .hasMessageContaining("glue.table.auto.create=false");
    }

    @Test
    void aPlainCatalogFailureIsRetried() {
        CatalogException outage = new CatalogException("Glue partitions could not be registered", null);

        policy.onFailure(TP, outage, 0);
        clock.advance(Duration.ofMinutes(1));
        assertThat(policy.onFailure(TP, outage, 0)).isInstanceOf(RetriableException.class);
    }
}
