package io.stocklake.glue.endpoint.catalog;

import io.stocklake.glue.endpoint.api.GlueError;
import io.stocklake.glue.endpoint.api.RequestFields;

/**
 * The one catalog this endpoint serves (an account id). Requests naming another catalog are refused as Glue
 * refuses a catalog the caller has no access to, so a misconfigured client fails loudly instead of silently
 * writing to the wrong place.
 */
public record CatalogId(String value) {
    void check(RequestFields request) {
        request.optionalText("CatalogId").filter(id -> !id.equals(value)).ifPresent(id -> {
            throw GlueError.accessDenied(
                    "Catalog " + id + " is not served here; this endpoint serves catalog " + value);
        });
    }
}
