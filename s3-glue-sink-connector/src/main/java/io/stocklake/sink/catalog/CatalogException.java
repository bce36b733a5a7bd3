package io.stocklake.sink.catalog;

/**
 * The catalog could not be updated; the files stay uncommitted and are rewritten on retry. A permanent one (a
 * missing table that may not be created, refused credentials) names the setting or the catalog state to change.
 */
public class CatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    public CatalogException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private CatalogException(String message, Throwable cause, boolean permanent) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** A failure no retry can mend; {@code message} says why and what to change. */
    public static CatalogException permanent(String message, Throwable cause) {
        return new CatalogException(message, cause, true);
    }

    /** Why no retry can mend this failure (the message), or null when a retry may. */
    public String permanentCause() {
        return permanent ? getMessage() : null;
    }
}
