package io.stocklake.sink.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.kafka.connect.data.Schema;

/** A Connect value as one JSON text, written as the JSON lines format writes values (timestamps as Hive text). */
public final class JsonText {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final JsonValueWriter values = new JsonValueWriter();

    /** DataException naming {@code path} when the value has no JSON form; {@code schema} null for schemaless. */
    public String of(Schema schema, Object value, String path) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            values.write(json, schema, value, path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
