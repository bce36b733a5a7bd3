package io.stocklake.bench.workload;

import io.stocklake.stack.ConnectRest;
import io.stocklake.stack.SinkGroupOffsets;
import java.time.Duration;
import java.time.Instant;

/** Waits until a sink connector has committed every record of a topic: all its files are in S3. */
public final class CommittedAll {

    private CommittedAll() {}

    public static void await(
            SinkGroupOffsets offsets,
            ConnectRest rest,
            String connector,
            String topic,
            long records,
            Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        long committed = 0;
        while (Instant.now().isBefore(deadline)) {
            committed = offsets.committedSum(connector, topic);
            if (committed >= records) {
                return;
            }
            TaskFailure.check(rest, connector);
            Pause.millis(200);
        }
        throw new IllegalStateException(connector + " committed " + committed + " of " + records + " records within "
                + timeout + "; status " + rest.status(connector));
    }
}
