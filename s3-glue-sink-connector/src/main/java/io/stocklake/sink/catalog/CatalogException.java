package io.stocklake.sink.catalog;

/** The catalog could not be updated; the files stay uncommitted and are rewritten on retry. */
public class CatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
