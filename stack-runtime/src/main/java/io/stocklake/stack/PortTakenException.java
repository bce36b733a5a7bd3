package io.stocklake.stack;

/** A server process exited at start-up because another process had bound one of its ports. */
final class PortTakenException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    PortTakenException(String message) {
        super(message);
    }
}
