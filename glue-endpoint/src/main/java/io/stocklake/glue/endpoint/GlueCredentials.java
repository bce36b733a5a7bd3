package io.stocklake.glue.endpoint;

import java.util.Objects;

/**
 * The one key pair the endpoint accepts requests signed with (SigV4). Both parts are required: a request that
 * merely names an access key proves nothing.
 */
public record GlueCredentials(String accessKeyId, String secretAccessKey) {

    public GlueCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (accessKeyId.isBlank() || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("Both an access key id and a secret access key are required");
        }
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "GlueCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
    }
}
