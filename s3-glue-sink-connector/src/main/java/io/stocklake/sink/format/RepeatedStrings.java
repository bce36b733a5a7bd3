package io.stocklake.sink.format;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.io.api.Binary;

/**
 * The UTF-8 bytes of one string column's values, each encoded once per file. A symbol or a venue code recurs in
 * nearly every row; handing the column the same array again also lets its dictionary find the entry by identity
 * instead of comparing bytes. Remembers the first {@value #LIMIT} distinct values only, so a column of ids costs a
 * bounded map and is encoded as before.
 */
final class RepeatedStrings {

    static final int LIMIT = 64;

    private final Map<String, Binary> known = new HashMap<>();

    Binary utf8(String value) {
        Binary bytes = known.get(value);
        if (bytes == null) {
            bytes = Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8));
            if (known.size() < LIMIT) {
                known.put(value, bytes);
            }
        }
        return bytes;
    }
}
