package io.stocklake.glue.endpoint.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.glue.endpoint.api.GlueError;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {
    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
    private final FaultInjector faults = new FaultInjector(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void withoutAPlanNothingFails() {
        assertThat(faults.faultFor("GetTable")).isEmpty();
    }

    @Test
    void aPercentageFailsExactlyThatManyOfEveryHundredCalls() {
        faults.set(FaultPlan.none().withThrottlePercent(30));

        long failed = IntStream.range(0, 100)
                .mapToObj(i -> faults.faultFor("GetTable"))
                .filter(Optional::isPresent)
                .count();

        assertThat(failed).isEqualTo(30);
    }

    @Test
    void throttlingComesBeforeInternalErrors() {
        faults.set(FaultPlan.none().withThrottlePercent(100).withInternalErrorPercent(100));

        assertThat(faults.faultFor("GetTable"))
                .get()
                .extracting(GlueError::code)
                .isEqualTo("ThrottlingException");
    }

    @Test
    void anOutageFailsCallsOnlyWithinItsWindow() {
        faults.set(FaultPlan.none().withOutage(NOW.minusSeconds(1), NOW.plusSeconds(1)));
        assertThat(faults.faultFor("GetTable"))
                .get()
                .extracting(GlueError::httpStatus)
                .isEqualTo(503);

        faults.set(FaultPlan.none().withOutage(NOW.plusSeconds(1), NOW.plusSeconds(2)));
        assertThat(faults.faultFor("GetTable")).isEmpty();

        faults.set(FaultPlan.none().withOutage(NOW.minusSeconds(2), NOW));
        assertThat(faults.faultFor("GetTable")).isEmpty();
    }

    @Test
    void aPlanLimitedToSomeActionsSparesTheOthers() {
        faults.set(FaultPlan.none().withInternalErrorPercent(100).onlyFor(java.util.Set.of("BatchCreatePartition")));

        assertThat(faults.faultFor("GetTable")).isEmpty();
        assertThat(faults.faultFor("BatchCreatePartition"))
                .get()
                .extracting(GlueError::code)
                .isEqualTo("InternalServiceException");
    }

    @Test
    void percentagesOutsideZeroToHundredAreRejected() {
        assertThatThrownBy(() -> FaultPlan.none().withThrottlePercent(101))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
