package io.stocklake.athena;

import io.stocklake.glue.endpoint.GlueEndpoint;
import io.stocklake.glue.endpoint.GlueEndpointConfig;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.S3Server;
import io.stocklake.trino.AccessKeys;
import io.stocklake.trino.QueryResult;
import io.stocklake.trino.TrinoEngine;
import io.stocklake.trino.TrinoEngineConfig;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * What Athena is made of, beside the stack's S3 server: a Glue-compatible endpoint the sinks register in, and Trino
 * (Athena's engine) reading the tables through it. Start it after the {@link PipelineStack}, whose S3 server it
 * reads. Trino starts in the background, while the pipeline fills the tables.
 */
final class AthenaStandIn implements BeforeAllCallback, AfterAllCallback {

    /**
     * The one AWS identity of the lake, as on AWS: the sink signs its Glue calls with the key pair it writes S3 with,
     * and the endpoint verifies every signature.
     */
    private static final AccessKeys GLUE_KEYS = new AccessKeys(S3Server.ACCESS_KEY, S3Server.SECRET_KEY);

    private final PipelineStack stack;
    private GlueEndpoint glue;
    private GlueClient glueClient;
    private CompletableFuture<TrinoEngine> trino;

    AthenaStandIn(PipelineStack stack) {
        this.stack = stack;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        glue = GlueEndpoint.start(
                GlueEndpointConfig.defaults().withCredentials(GLUE_KEYS.accessKeyId(), GLUE_KEYS.secretAccessKey()));
        glueClient = GlueClient.builder()
                .endpointOverride(glue.uri())
                .region(Region.of(TrinoEngineConfig.DEFAULT_REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(GLUE_KEYS.accessKeyId(), GLUE_KEYS.secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        TrinoEngineConfig config = TrinoEngineConfig.of(
                stack.s3().endpoint(), new AccessKeys(S3Server.ACCESS_KEY, S3Server.SECRET_KEY), glue.uri(), GLUE_KEYS);
        trino = CompletableFuture.supplyAsync(() -> TrinoEngine.start(config));
    }

    @Override
    @SuppressWarnings("try") // the resources are there only to be closed, in reverse order
    public void afterAll(ExtensionContext context) {
        TrinoEngine started =
                trino == null ? null : trino.exceptionally(failure -> null).join();
        try (GlueEndpoint endpoint = glue;
                GlueClient client = glueClient;
                TrinoEngine engine = started) {
            // Trino first, then the client, then the endpoint; any of them may be missing when the start failed.
        }
    }

    URI glueEndpoint() {
        return glue.uri();
    }

    GlueClient glue() {
        return glueClient;
    }

    /** Trino, once it has started. */
    TrinoEngine trino() {
        return trino.join();
    }

    QueryResult query(String sql) {
        return trino().query(sql);
    }
}
