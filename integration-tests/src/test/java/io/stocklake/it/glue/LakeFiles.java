package io.stocklake.it.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stocklake.stack.S3Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The objects the sink wrote, read back from the stack's S3 server. */
final class LakeFiles implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final S3Client s3;

    LakeFiles(S3Server server) {
        this.s3 = server.client();
    }

    /** Keys under {@code prefix}, in key order. */
    List<String> keys(String bucket, String prefix) {
        return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .sorted()
                .toList();
    }

    /** The records of a JSON lines object, one node per line. */
    List<JsonNode> jsonLines(String bucket, String key) {
        String text = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
        List<JsonNode> records = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                try {
                    records.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException("Not a JSON line in s3://" + bucket + "/" + key + ": " + line, e);
                }
            }
        }
        return records;
    }

    @Override
    public void close() {
        s3.close();
    }
}
