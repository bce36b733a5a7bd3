package io.stocklake.it.sink;

import io.stocklake.stack.ConnectRest;
import io.stocklake.stack.ConnectRestException;
import io.stocklake.stack.ConnectorStatus;
import io.stocklake.stack.S3Lake;
import io.stocklake.stack.S3Lake.LakeObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Waits for a sink to have written records, failing at once when the connector or a task fails. */
final class LakeWait {

    private LakeWait() {}

    /** The data files under {@code prefix} once they hold at least {@code records} records. */
    static List<LakeFile> untilRecords(
            ConnectRest rest, String connector, S3Lake lake, String prefix, long records, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        long seen = 0;
        Map<LakeObject, LakeFile> read = new HashMap<>();
        while (true) {
            ConnectorStatus status = statusOrNull(rest, connector);
            if (status != null && status.anyFailed()) {
                throw new AssertionError("Connector " + connector + " failed: " + status.failureTrace());
            }
            List<LakeFile> files = LakeFile.readAll(lake, prefix, read);
            seen = files.stream().mapToLong(f -> f.rows().size()).sum();
            if (seen >= records) {
                return files;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Only " + seen + " of " + records + " records under " + prefix + " after "
                        + timeout + "; connector status: " + status);
            }
            sleep(Duration.ofMillis(500));
        }
    }

    /** Null while a just-created connector has no status yet. */
    private static ConnectorStatus statusOrNull(ConnectRest rest, String connector) {
        try {
            return rest.status(connector);
        } catch (ConnectRestException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
