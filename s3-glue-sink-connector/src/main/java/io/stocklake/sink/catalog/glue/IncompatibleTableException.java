package io.stocklake.sink.catalog.glue;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * An existing table whose layout (SerDe, input format, partition keys) cannot hold the sink's files. No record
 * is to blame, so the task fails until the table or the sink's settings are changed.
 */
public class IncompatibleTableException extends ConnectException {

    private static final long serialVersionUID = 1L;

    public IncompatibleTableException(String message) {
        super(message);
    }
}
