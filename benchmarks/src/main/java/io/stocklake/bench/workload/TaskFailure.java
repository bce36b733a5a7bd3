package io.stocklake.bench.workload;

import io.stocklake.stack.ConnectRest;
import io.stocklake.stack.ConnectRestException;
import io.stocklake.stack.ConnectorStatus;

/** Ends a wait early when the connector under test failed: its task will not recover by itself. */
final class TaskFailure {

    private TaskFailure() {}

    static void check(ConnectRest rest, String connector) {
        ConnectorStatus status;
        try {
            status = rest.status(connector);
        } catch (ConnectRestException e) {
            return; // not yet known to the worker
        }
        if (status.anyFailed()) {
            throw new IllegalStateException(connector + " failed: " + status.failureTrace());
        }
    }
}
