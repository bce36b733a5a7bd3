package io.stocklake.glue.endpoint.protocol;

import com.sun.net.httpserver.Headers;
import io.stocklake.glue.endpoint.api.GlueError;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks AWS Signature Version 4 on a request. With no access key configured every request passes. With one,
 * the {@code Authorization} header must name it; with a secret key too, the signature itself is recomputed and
 * must match, as Glue would check it.
 */
final class RequestAuthenticator {
  private static final Pattern AUTHORIZATION = Pattern.compile(
      "AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/([^,\\s]+),\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-fA-F]+)");

  private final Optional<String> accessKeyId;
  private final Optional<String> secretAccessKey;

  RequestAuthenticator(Optional<String> accessKeyId, Optional<String> secretAccessKey) {
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
  }

  void authenticate(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {
    if (accessKeyId.isEmpty()) {
      return;
    }
    String authorization = headers.getFirst("Authorization");
    if (authorization == null) {
      throw GlueError.missingAuthenticationToken();
    }
    Matcher matcher = AUTHORIZATION.matcher(authorization.trim());
    if (!matcher.matches()) {
      throw GlueError.invalidSignature();
    }
    if (!matcher.group(1).equals(accessKeyId.get())) {
      throw GlueError.unrecognizedClient();
    }
    if (secretAccessKey.isPresent()) {
      String expected = signature(method, rawPath, rawQuery, headers, body, matcher.group(2), matcher.group(3));
      if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
          matcher.group(4).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
        throw GlueError.invalidSignature();
      }
    }
  }

  private String signature(String method, String rawPath, String rawQuery, Headers headers, byte[] body,
      String scope, String signedHeaders) {
    String amzDate = Optional.ofNullable(headers.getFirst("X-Amz-Date")).orElseThrow(GlueError::invalidSignature);
    String[] scopeParts = scope.split("/");
    if (scopeParts.length != 4) {
      throw GlueError.invalidSignature();
    }
    StringBuilder canonicalHeaders = new StringBuilder();
    for (String name : signedHeaders.split(";")) {
      List<String> values = Optional.ofNullable(headers.get(name)).orElse(List.of());
      List<String> trimmed = new ArrayList<>();
      values.forEach(v -> trimmed.add(v.trim().replaceAll("\\s+", " ")));
      canonicalHeaders.append(name).append(':').append(String.join(",", trimmed)).append('\n');
    }
    String payloadHash = Optional.ofNullable(headers.getFirst("X-Amz-Content-Sha256")).orElse(hex(sha256(body)));
    String canonicalRequest = method + '\n'
        + (rawPath == null || rawPath.isEmpty() ? "/" : rawPath) + '\n'
        + (rawQuery == null ? "" : rawQuery) + '\n'
        + canonicalHeaders + '\n'
        + signedHeaders + '\n'
        + payloadHash;
    String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + '\n' + scope + '\n'
        + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + secretAccessKey.get()).getBytes(StandardCharsets.UTF_8), scopeParts[0]);
    key = hmac(key, scopeParts[1]);
    key = hmac(key, scopeParts[2]);
    key = hmac(key, scopeParts[3]);
    return hex(hmac(key, stringToSign));
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
