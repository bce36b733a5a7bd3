package io.stocklake.sink.commit;

import io.stocklake.sink.catalog.CatalogException;
import io.stocklake.sink.storage.StorageException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;

/**
 * Whether a failed {@code put} is retried or fails the task. A passing failure (throttling, 5xx, timeouts, resets,
 * an outage) is retried for as long as it lasts. A permanent one (a missing bucket, refused credentials, a wrong
 * region, a table that may not be created) fails the task, so the worker shows it FAILED with the cause and the
 * setting to change, once it is confirmed: the same cause seen again at least {@link #CONFIRMATION} after it was
 * first seen, with no other failure in between, so that a blip (a credential or policy change propagating) is not
 * fatal.
 */
public final class FailurePolicy {

    /** How long a permanent cause must persist before it fails the task. */
    public static final Duration CONFIRMATION = Duration.ofSeconds(5);
    /** A sighting older than this starts the confirmation anew: the cause went away meanwhile. */
    private static final Duration FORGOTTEN = Duration.ofMinutes(5);

    private final Clock clock;
    private String cause;
    private long firstSeen;
    private long lastSeen;

    FailurePolicy(Clock clock) {
        this.clock = clock;
    }

    /**
     * The exception {@code put} throws for {@code failure} of {@code tp}, once the partition was rewound to
     * {@code rewindTo}: a RetriableException, or a ConnectException when a permanent cause is confirmed.
     */
    RuntimeException onFailure(TopicPartition tp, RuntimeException failure, long rewindTo) {
        String permanent = permanentCause(failure);
        long now = clock.millis();
        if (permanent == null || !permanent.equals(cause) || now - lastSeen > FORGOTTEN.toMillis()) {
            cause = permanent;
            firstSeen = now;
        }
        lastSeen = now;
        if (permanent != null && now - firstSeen >= CONFIRMATION.toMillis()) {
            String what = permanent.equals(failure.getMessage()) ? "" : " [" + failure.getMessage() + "]";
            return new ConnectException(
                    tp + ": " + permanent + what + "; failing the task, as no retry can mend "
                            + "this (the same cause for " + (now - firstSeen) / 1000 + " s); the records from offset "
                            + rewindTo + " on are not committed",
                    failure);
        }
        String retrying =
                permanent == null ? "" : " (looks permanent: " + permanent + "; retrying once more to " + "confirm)";
        return new RetriableException(
                tp + ": " + failure.getMessage() + causeOf(failure) + retrying + "; redelivering from offset "
                        + rewindTo,
                failure);
    }

    private static String permanentCause(RuntimeException failure) {
        if (failure instanceof StorageException storage) {
            return storage.permanentCause();
        }
        if (failure instanceof CatalogException catalog) {
            return catalog.permanentCause();
        }
        return null;
    }

    /** The SDK's words, which the wrapping message leaves out. */
    private static String causeOf(RuntimeException failure) {
        Throwable root = failure.getCause();
        return root == null || Objects.equals(root.getMessage(), failure.getMessage()) ? "" : ": " + root.getMessage();
    }
}
