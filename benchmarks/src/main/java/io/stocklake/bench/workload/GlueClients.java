package io.stocklake.bench.workload;

import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.S3Server;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;

/** A Glue client of the stack's Glue endpoint, as a reader of the lake calls it. */
public final class GlueClients {

    private GlueClients() {}

    public static GlueClient of(PipelineStack stack) {
        return GlueClient.builder()
                .endpointOverride(stack.glue().uri())
                .region(Region.of(S3Server.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
