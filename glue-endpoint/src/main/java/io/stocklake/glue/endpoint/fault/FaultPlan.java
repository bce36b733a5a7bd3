package io.stocklake.glue.endpoint.fault;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Which calls fail and how. Percentages are exact and evenly spread, not random: with 25 every fourth eligible
 * call fails, so reliability tests are reproducible. During the outage window every eligible call fails.
 *
 * @param throttlePercent calls answered {@code ThrottlingException} (HTTP 400), 0..100
 * @param internalErrorPercent of the calls not throttled, those answered {@code InternalServiceException} (HTTP 500)
 * @param outageStart start of the outage window (inclusive), if any
 * @param outageEnd end of the outage window (exclusive), if any
 * @param operations the actions affected (e.g. {@code BatchCreatePartition}); empty means all
 */
public record FaultPlan(
        int throttlePercent,
        int internalErrorPercent,
        Optional<Instant> outageStart,
        Optional<Instant> outageEnd,
        Set<String> operations) {

    public FaultPlan {
        checkPercent("throttlePercent", throttlePercent);
        checkPercent("internalErrorPercent", internalErrorPercent);
        if (outageStart.isPresent() != outageEnd.isPresent()) {
            throw new IllegalArgumentException("An outage needs both a start and an end");
        }
        if (outageStart.isPresent() && outageEnd.get().isBefore(outageStart.get())) {
            throw new IllegalArgumentException("The outage ends before it starts");
        }
        operations = Set.copyOf(operations);
    }

    /** No faults: every call is served. */
    public static FaultPlan none() {
        return new FaultPlan(0, 0, Optional.empty(), Optional.empty(), Set.of());
    }

    public FaultPlan withThrottlePercent(int percent) {
        return new FaultPlan(percent, internalErrorPercent, outageStart, outageEnd, operations);
    }

    public FaultPlan withInternalErrorPercent(int percent) {
        return new FaultPlan(throttlePercent, percent, outageStart, outageEnd, operations);
    }

    /** Every eligible call in {@code [start, end)} fails; {@link Instant#MAX} as end means until changed. */
    public FaultPlan withOutage(Instant start, Instant end) {
        return new FaultPlan(throttlePercent, internalErrorPercent, Optional.of(start), Optional.of(end), operations);
    }

    public FaultPlan onlyFor(Set<String> affected) {
        return new FaultPlan(throttlePercent, internalErrorPercent, outageStart, outageEnd, affected);
    }

    boolean affects(String operation) {
        return operations.isEmpty() || operations.contains(operation);
    }

    boolean inOutage(Instant now) {
        return outageStart.isPresent() && !now.isBefore(outageStart.get()) && now.isBefore(outageEnd.get());
    }

    private static void checkPercent(String name, int value) {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException(name + " must be within 0..100, was " + value);
        }
    }
}
