package io.stocklake.sink.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * JSON lines: one object per line, read by Athena with {@code org.apache.hive.hcatalog.data.JsonSerDe}. Takes
 * struct values with a schema and schemaless maps; each record is rendered with its own schema.
 */
final class JsonLineEncoder implements RowEncoder {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final JsonValueWriter values = new JsonValueWriter();
    private final LineGenerator<JsonGenerator> lines = new LineGenerator<>(target -> {
        JsonGenerator json = JSON.createGenerator(target);
        // Each line ends in the '\n' written with its value; nothing else goes between root values.
        json.setRootValueSeparator(null);
        return json;
    });

    @Override
    public void encode(SinkRecord record, OutputStream row) throws IOException {
        Object value = record.value();
        Schema schema = record.valueSchema();
        if (value == null) {
            throw FieldValue.error("", "is null (a tombstone); a JSON line needs an object");
        }
        if (schema != null && schema.type() != Schema.Type.STRUCT) {
            throw FieldValue.error("", "has schema type " + schema.type() + "; a JSON line needs a STRUCT");
        }
        if (schema == null && !(value instanceof Map) && !(value instanceof Struct)) {
            throw FieldValue.error("", "is a " + value.getClass().getName() + "; a JSON line needs a map or struct");
        }
        lines.write(
                json -> {
                    values.write(json, schema, value, "");
                    json.writeRaw('\n');
                },
                row);
    }
}
