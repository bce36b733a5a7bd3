package io.stocklake.sink.row;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/** A schema made optional, all else kept: a column that a tombstone's row leaves NULL. */
final class OptionalSchemas {

    private OptionalSchemas() {}

    static Schema of(Schema schema) {
        SchemaBuilder builder = switch (schema.type()) {
            case ARRAY -> SchemaBuilder.array(schema.valueSchema());
            case MAP -> SchemaBuilder.map(schema.keySchema(), schema.valueSchema());
            case STRUCT -> {
                SchemaBuilder struct = SchemaBuilder.struct();
                for (Field field : schema.fields()) {
                    struct.field(field.name(), field.schema());
                }
                yield struct;
            }
            default -> SchemaBuilder.type(schema.type());
        };
        if (schema.name() != null) {
            builder.name(schema.name());
        }
        if (schema.version() != null) {
            builder.version(schema.version());
        }
        if (schema.doc() != null) {
            builder.doc(schema.doc());
        }
        if (schema.parameters() != null) {
            builder.parameters(schema.parameters());
        }
        return builder.optional().build();
    }
}
