package io.stocklake.sink.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Test-only JSON lines through Jackson. Values must be Structs or Maps, and a field named "unencodable" stands
 * for data the format rejects: both are DataExceptions, with nothing written.
 */
public final class JsonLinesTestFormat implements FileFormat {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final long overheadBytes;

    public JsonLinesTestFormat() {
        this(0);
    }

    /** Each open writer reports {@code overheadBytes} of its own, as a real format's encoders would. */
    public JsonLinesTestFormat(long overheadBytes) {
        this.overheadBytes = overheadBytes;
    }

    @Override
    public String extension() {
        return ".json";
    }

    @Override
    public RecordFileWriter open(Schema valueSchema, OutputStream out) {
        return new RecordFileWriter() {
            private long size;
            private boolean finished;

            @Override
            public void write(SinkRecord record) throws IOException {
                byte[] line = encode(record.value());
                out.write(line);
                out.write('\n');
                size += line.length + 1;
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public long overheadBytes() {
                return finished ? 0 : overheadBytes;
            }

            @Override
            public void finish() {
                finished = true;
            }
        };
    }

    private static byte[] encode(Object value) throws IOException {
        if (!(value instanceof Struct) && !(value instanceof Map)) {
            throw new DataException("value is a "
                    + (value == null ? "null" : value.getClass().getSimpleName()) + ", expected a Struct or a Map");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> plain = (Map<String, Object>) plain(value);
        if (plain.containsKey("unencodable")) {
            throw new DataException("field unencodable cannot be encoded");
        }
        return MAPPER.writeValueAsBytes(plain);
    }

    private static Object plain(Object value) {
        if (value instanceof Struct struct) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Field field : struct.schema().fields()) {
                map.put(field.name(), plain(struct.get(field)));
            }
            return map;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonLinesTestFormat::plain).toList();
        }
        return value;
    }
}
