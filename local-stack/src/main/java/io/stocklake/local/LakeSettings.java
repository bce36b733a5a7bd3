package io.stocklake.local;

import java.nio.file.Path;

/**
 * The query side of the local stack, S3 + Glue + Trino, as one unit: where it listens and keeps its data, and the
 * keys its S3 server and Glue endpoint accept (local stand-ins for AWS credentials, not secrets of an account).
 *
 * @param bindAddress where S3, Glue and Trino listen: loopback for {@code ./run-local}, {@code 0.0.0.0} in a container
 */
public record LakeSettings(
        String bindAddress, Path dataDir, int s3Port, int gluePort, int trinoPort, String accessKey, String secretKey) {

    public static final String LOOPBACK = "127.0.0.1";

    /** The lake of a {@code ./run-local} stack: loopback, its ports, its keys. */
    public static LakeSettings of(LocalStackSettings stack) {
        return new LakeSettings(
                LOOPBACK,
                stack.dataDir(),
                stack.s3Port(),
                stack.gluePort(),
                stack.trinoPort(),
                LocalStackSettings.ACCESS_KEY,
                LocalStackSettings.SECRET_KEY);
    }

    /** How processes beside the lake reach its S3 server (on loopback whatever the bind address). */
    public String s3Endpoint() {
        return "http://127.0.0.1:" + s3Port;
    }

    public String glueEndpoint() {
        return "http://127.0.0.1:" + gluePort;
    }

    @Override
    public String toString() {
        // Keeps the secret key out of logs.
        return "LakeSettings[bindAddress=" + bindAddress + ", dataDir=" + dataDir + ", s3Port=" + s3Port + ", gluePort="
                + gluePort + ", trinoPort=" + trinoPort + ", accessKey=" + accessKey + "]";
    }
}
