package io.stocklake.glue.endpoint.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One Glue API action: the request body in, the response body out; failures are thrown as {@link GlueError}. */
@FunctionalInterface
public interface GlueOperation {
    ObjectNode handle(ObjectNode request);
}
