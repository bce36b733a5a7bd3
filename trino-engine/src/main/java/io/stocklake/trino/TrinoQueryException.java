package io.stocklake.trino;

/** A query Trino refused or failed; the message is Trino's, with the query text. */
public final class TrinoQueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TrinoQueryException(String sql, RuntimeException cause) {
        super(cause.getMessage() + " [query: " + sql + "]", cause);
    }
}
