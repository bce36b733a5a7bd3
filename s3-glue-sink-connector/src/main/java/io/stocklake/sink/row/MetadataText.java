package io.stocklake.sink.row;

import io.stocklake.sink.format.JsonText;
import java.nio.ByteBuffer;
import java.util.Base64;
import org.apache.kafka.connect.data.Schema;

/**
 * A key or header value as the text a {@code string} column holds: text as it is, bytes as base64 (lossless, and
 * Athena's {@code from_base64} turns them back), anything else (numbers, booleans, structs, maps, lists) as JSON
 * text, which Athena's {@code json_extract} reads.
 */
final class MetadataText {

    private final JsonText json = new JsonText();

    String of(Schema schema, Object value, String path) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
        return json.of(schema, value, path);
    }
}
