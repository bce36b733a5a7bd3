package io.stocklake.glue.endpoint.protocol;

import com.sun.net.httpserver.Headers;
import io.stocklake.glue.endpoint.GlueCredentials;
import io.stocklake.glue.endpoint.api.GlueError;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Verifies AWS Signature Version 4 as AWS does: the key must be the configured one, the credential scope this
 * endpoint's date, region and service, {@code X-Amz-Date} within {@link #MAX_CLOCK_SKEW} of the clock, the
 * required headers signed, and the signature equal to the one the AWS SDK's own signer computes from the request
 * as received, its body hashed here (a client's {@code X-Amz-Content-Sha256} header is never trusted). With no
 * credentials configured every request passes.
 */
public final class RequestAuthenticator {
    /** What AWS allows between a request's {@code X-Amz-Date} and its own clock. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

    public static final String SERVICE = "glue";

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^,\\s]+),\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-fA-F]{64})");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private final Optional<GlueCredentials> credentials;
    private final String region;
    private final Clock clock;

    public RequestAuthenticator(Optional<GlueCredentials> credentials, String region, Clock clock) {
        this.credentials = credentials;
        this.region = region;
        this.clock = clock;
    }

    /**
     * @param requiredHeaders lower-case header names the signature must cover besides {@code host} and
     *     {@code x-amz-date} (a Glue action's {@code x-amz-target})
     * @throws GlueError in Glue's words when the request is not signed with the configured credentials
     */
    public void authenticate(
            String method, String rawPath, String rawQuery, Headers headers, byte[] body, Set<String> requiredHeaders) {
        if (credentials.isEmpty()) {
            return;
        }
        String authorization = headers.getFirst("Authorization");
        if (authorization == null) {
            throw GlueError.missingAuthenticationToken();
        }
        Matcher matcher = AUTHORIZATION.matcher(authorization.trim());
        if (!matcher.matches()) {
            throw GlueError.incompleteSignature("Authorization header requires 'Credential', 'SignedHeaders' and"
                    + " 'Signature' parameters of an AWS4-HMAC-SHA256 signature.");
        }
        String[] credential = matcher.group(1).split("/", -1);
        if (credential.length != 5) {
            throw GlueError.incompleteSignature(
                    "Credential must be <access key>/<date>/<region>/<service>/aws4_request.");
        }
        if (!credential[0].equals(credentials.get().accessKeyId())) {
            throw GlueError.unrecognizedClient();
        }
        Instant signedAt = signedAt(headers);
        checkScope(credential, signedAt);
        checkClock(signedAt);
        List<String> signedHeaders = Arrays.asList(matcher.group(2).split(";"));
        for (String required : requiredHeaders(requiredHeaders)) {
            if (!signedHeaders.contains(required)) {
                throw GlueError.incompleteSignature(
                        "'" + required + "' must be a 'SignedHeader' in the AWS Authorization.");
            }
        }
        String expected = expectedSignature(method, rawPath, rawQuery, headers, body, signedHeaders, signedAt);
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                matcher.group(3).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw GlueError.invalidSignature("The request signature we calculated does not match the signature you"
                    + " provided. Check your AWS Secret Access Key and signing method.");
        }
    }

    private static List<String> requiredHeaders(Set<String> extra) {
        List<String> required = new ArrayList<>(List.of("host", "x-amz-date"));
        extra.stream().sorted().forEach(required::add);
        return required;
    }

    private static Instant signedAt(Headers headers) {
        String amzDate = headers.getFirst("X-Amz-Date");
        if (amzDate == null) {
            throw GlueError.incompleteSignature("Authorization header requires existence of an 'X-Amz-Date' header.");
        }
        try {
            return Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            throw GlueError.incompleteSignature(
                    "X-Amz-Date must be in the ISO 8601 basic format yyyyMMdd'T'HHmmss'Z'.");
        }
    }

    private void checkScope(String[] credential, Instant signedAt) {
        String day = AMZ_DATE.format(signedAt).substring(0, 8);
        if (!credential[1].equals(day)) {
            throw GlueError.invalidSignature("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of"
                    + " date from HTTP: '" + credential[1] + "' != '" + day + "'.");
        }
        if (!credential[2].equals(region)) {
            throw GlueError.invalidSignature("Credential should be scoped to a valid region: '" + region + "'.");
        }
        if (!credential[3].equals(SERVICE)) {
            throw GlueError.invalidSignature("Credential should be scoped to correct service: '" + SERVICE + "'.");
        }
        if (!credential[4].equals("aws4_request")) {
            throw GlueError.invalidSignature("Credential should be scoped with a valid terminator: 'aws4_request'.");
        }
    }

    private void checkClock(Instant signedAt) {
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(MAX_CLOCK_SKEW))) {
            throw GlueError.invalidSignature("Signature expired: " + AMZ_DATE.format(signedAt) + " is now earlier than "
                    + AMZ_DATE.format(now.minus(MAX_CLOCK_SKEW)) + " (" + AMZ_DATE.format(now) + " - 15 min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw GlueError.invalidSignature(
                    "Signature not yet current: " + AMZ_DATE.format(signedAt) + " is still later" + " than "
                            + AMZ_DATE.format(now.plus(MAX_CLOCK_SKEW)) + " (" + AMZ_DATE.format(now) + " + 15 min.)");
        }
    }

    /**
     * The signature the AWS SDK's signer gives the request as received: only the headers the client signed, the
     * body as it arrived, the client's date as the signing clock.
     */
    private String expectedSignature(
            String method,
            String rawPath,
            String rawQuery,
            Headers headers,
            byte[] body,
            List<String> signedHeaders,
            Instant signedAt) {
        String host = Optional.ofNullable(headers.getFirst("Host"))
                .orElseThrow(() -> GlueError.incompleteSignature("The request has no Host header."));
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .protocol("http")
                .encodedPath(rawPath == null || rawPath.isEmpty() ? "/" : rawPath);
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(']', colon) < 0) {
            request.host(host.substring(0, colon));
            try {
                request.port(Integer.parseInt(host.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw GlueError.incompleteSignature("The Host header's port is not a number.");
            }
        } else {
            request.host(host);
        }
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                request.appendRawQueryParameter(
                        decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        for (String name : signedHeaders) {
            if (name.equals("host") || name.equals("x-amz-date")) {
                continue; // the signer writes both itself, from the request's address and its signing clock
            }
            List<String> values = headers.get(name);
            if (values == null) {
                throw GlueError.invalidSignature("Signed header '" + name + "' is missing from the request.");
            }
            request.putHeader(name, values);
        }
        SignedRequest signed = SIGNER.sign(r -> r.identity(AwsCredentialsIdentity.create(
                        credentials.get().accessKeyId(), credentials.get().secretAccessKey()))
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
        String ours = signed.request().firstMatchingHeader("Authorization").orElseThrow();
        Matcher matcher = AUTHORIZATION.matcher(ours);
        if (!matcher.matches() || !matcher.group(2).equals(String.join(";", signedHeaders))) {
            // The client signed headers in another order or a header the SDK never signs: not a signature AWS accepts.
            throw GlueError.invalidSignature(
                    "SignedHeaders must be the request's header names, lower case and sorted.");
        }
        return matcher.group(3);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
