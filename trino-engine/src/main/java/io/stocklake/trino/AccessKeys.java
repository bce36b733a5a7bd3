package io.stocklake.trino;

import java.util.Objects;

/**
 * A static AWS access key pair, as an S3- or Glue-compatible server expects in its SigV4 signatures.
 *
 * @param accessKeyId the access key id
 * @param secretAccessKey the secret; never shown by {@link #toString()}
 */
public record AccessKeys(String accessKeyId, String secretAccessKey) {

    public AccessKeys {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (accessKeyId.isBlank() || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("access key id and secret must not be blank");
        }
    }

    @Override
    public String toString() {
        return "AccessKeys[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
    }
}
