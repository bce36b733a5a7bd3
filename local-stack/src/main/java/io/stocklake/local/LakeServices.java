package io.stocklake.local;

import io.stocklake.glue.endpoint.GlueEndpoint;
import io.stocklake.glue.endpoint.GlueEndpointConfig;
import io.stocklake.stack.S3Server;
import io.stocklake.trino.AccessKeys;
import io.stocklake.trino.TrinoEngine;
import io.stocklake.trino.TrinoEngineConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lake half of the local stack: S3 (S3Proxy on a directory, bucket {@value LocalStackSettings#BUCKET}), the
 * Glue-compatible endpoint on a directory, and Trino reading both as Athena does. Started in that order, stopped in
 * reverse. {@code ./run-local} starts it beside Kafka; the compose stack's lake image starts it alone.
 */
final class LakeServices implements AutoCloseable {

    private final LakeSettings settings;
    private final StartedParts started = new StartedParts();
    private S3Server s3;
    private TrinoEngine trino;

    LakeServices(LakeSettings settings) {
        this.settings = settings;
    }

    LakeServices start(LocalStack.Progress progress) throws Exception {
        Path data = settings.dataDir();
        progress.step("S3 (S3Proxy) on " + settings.bindAddress() + ":" + settings.s3Port());
        Files.createDirectories(data.resolve("s3"));
        s3 = S3Server.inDirectory(
                        data.resolve("s3"),
                        settings.bindAddress(),
                        settings.s3Port(),
                        settings.accessKey(),
                        settings.secretKey())
                .start();
        started.add(s3);
        s3.createBucket(LocalStackSettings.BUCKET);

        progress.step("Glue endpoint on " + settings.bindAddress() + ":" + settings.gluePort());
        started.add(GlueEndpoint.start(GlueEndpointConfig.defaults()
                .withBindAddress(settings.bindAddress())
                .withPort(settings.gluePort())
                .withDataDirectory(data.resolve("glue"))
                .withCredentials(settings.accessKey(), settings.secretKey())));

        progress.step("Trino (catalog " + LocalStackSettings.CATALOG + ") on " + settings.bindAddress() + ":"
                + settings.trinoPort());
        if (LakeSettings.LOOPBACK.equals(settings.bindAddress())) {
            trino = startTrino(settings, settings.trinoPort());
            started.add(trino);
        } else {
            trino = startTrino(settings, 0);
            started.add(trino);
            started.add(TcpRelay.start(
                    settings.bindAddress(), settings.trinoPort(), trino.uri().getPort()));
        }
        return this;
    }

    /**
     * Trino reading the lake through the Glue endpoint, as Athena does; {@code port} 0 picks a free one. The
     * embedded server listens on loopback only, so another bind address is served through a {@link TcpRelay}.
     */
    static TrinoEngine startTrino(LakeSettings settings, int port) {
        AccessKeys keys = new AccessKeys(settings.accessKey(), settings.secretKey());
        return TrinoEngine.start(
                TrinoEngineConfig.of(URI.create(settings.s3Endpoint()), keys, URI.create(settings.glueEndpoint()), keys)
                        .withRegion(LocalStackSettings.REGION)
                        .withCatalogName(LocalStackSettings.CATALOG)
                        .withHttpPort(port));
    }

    S3Server s3() {
        return s3;
    }

    TrinoEngine trino() {
        return trino;
    }

    @Override
    public void close() {
        started.close();
    }
}
