package io.stocklake.sink.route;

import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/** A possibly nested value field, {@code a.b.c}, read from a Struct or a Map value. */
record FieldPath(String name) {

    /** The field's value (possibly null); DataException when the value has no such field. */
    Object read(Object value) {
        Object current = value;
        for (String part : name.split("\\.")) {
            if (current instanceof Struct struct) {
                Field field = struct.schema().field(part);
                if (field == null) {
                    throw missing();
                }
                current = struct.get(field);
            } else if (current instanceof Map<?, ?> map) {
                if (!map.containsKey(part)) {
                    throw missing();
                }
                current = map.get(part);
            } else {
                throw missing();
            }
        }
        return current;
    }

    private DataException missing() {
        return new DataException("record value has no field " + name);
    }
}
