package io.stocklake.testing.s3;

import java.time.Duration;
import java.util.Set;

/**
 * What the {@link S3TrafficProxy} does wrong, and to which operations: answer {@code 503 SlowDown}, reset the
 * connection, or stall before forwarding, each on a share of requests; fail the next {@code n} UploadPart
 * requests with {@code 500 InternalError}. Percentages are drawn from a seeded random source, so a run repeats.
 *
 * <pre>{@code
 * proxy.faults(S3FaultPlan.none().withSlowDownPercent(20).withResetPercent(5).withStall(Duration.ofSeconds(5), 2));
 * }</pre>
 *
 * @param operations the operations faults apply to; empty means all
 */
public record S3FaultPlan(
        int slowDownPercent,
        int resetPercent,
        int stallPercent,
        Duration stall,
        int failUploadParts,
        Set<String> operations,
        long seed) {

    public S3FaultPlan {
        requirePercent(slowDownPercent, "slowDownPercent");
        requirePercent(resetPercent, "resetPercent");
        requirePercent(stallPercent, "stallPercent");
        if (slowDownPercent + resetPercent + stallPercent > 100) {
            throw new IllegalArgumentException("fault percentages add up to more than 100");
        }
        if (failUploadParts < 0) {
            throw new IllegalArgumentException("failUploadParts must be >= 0");
        }
        operations = Set.copyOf(operations);
    }

    public static S3FaultPlan none() {
        return new S3FaultPlan(0, 0, 0, Duration.ZERO, 0, Set.of(), 42L);
    }

    public S3FaultPlan withSlowDownPercent(int percent) {
        return new S3FaultPlan(percent, resetPercent, stallPercent, stall, failUploadParts, operations, seed);
    }

    public S3FaultPlan withResetPercent(int percent) {
        return new S3FaultPlan(slowDownPercent, percent, stallPercent, stall, failUploadParts, operations, seed);
    }

    public S3FaultPlan withStall(Duration duration, int percent) {
        return new S3FaultPlan(slowDownPercent, resetPercent, percent, duration, failUploadParts, operations, seed);
    }

    public S3FaultPlan withFailedUploadParts(int count) {
        return new S3FaultPlan(slowDownPercent, resetPercent, stallPercent, stall, count, operations, seed);
    }

    public S3FaultPlan onlyFor(Set<String> operationNames) {
        return new S3FaultPlan(
                slowDownPercent, resetPercent, stallPercent, stall, failUploadParts, operationNames, seed);
    }

    public S3FaultPlan withSeed(long newSeed) {
        return new S3FaultPlan(
                slowDownPercent, resetPercent, stallPercent, stall, failUploadParts, operations, newSeed);
    }

    boolean appliesTo(String operation) {
        return operations.isEmpty() || operations.contains(operation);
    }

    private static void requirePercent(int value, String name) {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException(name + " must be within 0..100, was " + value);
        }
    }
}
