package io.stocklake.glue.endpoint;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Requests signed by the AWS SDK's own SigV4 signer with whatever key, scope and clock a test names, turned into
 * JDK HTTP requests a test may then alter (another body, an extra header) as an attacker would.
 */
record SigV4Requests(String accessKey, String secretKey, String region, String service, Clock clock) {

    static SigV4Requests as(String accessKey, String secretKey) {
        return new SigV4Requests(accessKey, secretKey, "us-east-1", "glue", Clock.systemUTC());
    }

    SigV4Requests signedAt(Clock signingClock) {
        return new SigV4Requests(accessKey, secretKey, region, service, signingClock);
    }

    SigV4Requests scopedTo(String scopeRegion, String scopeService) {
        return new SigV4Requests(accessKey, secretKey, scopeRegion, scopeService, clock);
    }

    /** A POST of {@code body} with these headers, signed; the builder carries the signed headers and the body. */
    HttpRequest.Builder post(URI uri, Map<String, String> headers, String body) {
        return signed("POST", uri, headers, body).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** A Glue action's request as the SDK sends it. */
    HttpRequest.Builder glue(URI endpoint, String action, String body) {
        return post(
                endpoint.resolve("/"),
                Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", "AWSGlue." + action),
                body);
    }

    /** The headers of a signed request without a body (GET, DELETE), for the builder's method to be set. */
    HttpRequest.Builder signed(String method, URI uri, Map<String, String> headers, String body) {
        SdkHttpRequest.Builder request =
                SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        headers.forEach(request::putHeader);
        var signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create(accessKey, secretKey))
                        .request(request.build())
                        .payload(ContentStreamProvider.fromUtf8String(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        HttpRequest.Builder out = HttpRequest.newBuilder(uri);
        signed.request().forEachHeader((name, values) -> {
            // The JDK client writes Host itself, from the same URI the signer read it from.
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> out.header(name, value));
            }
        });
        return out;
    }
}
