package io.stocklake.sink.row;

import io.stocklake.sink.config.MetadataColumn;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The Kafka metadata columns of a row, in the order configured. All are optional: a table keeps accepting rows
 * after the columns are turned off again. The coordinates are the record's original ones (before any SMT renamed
 * its topic), as they identify the Kafka record whatever table it lands in.
 */
final class MetadataColumns {

    static final Schema TOPIC = Schema.OPTIONAL_STRING_SCHEMA;
    static final Schema PARTITION = Schema.OPTIONAL_INT32_SCHEMA;
    static final Schema OFFSET = Schema.OPTIONAL_INT64_SCHEMA;
    static final Schema TIMESTAMP = Timestamp.builder().optional().build();
    static final Schema KEY = Schema.OPTIONAL_STRING_SCHEMA;
    static final Schema HEADERS = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA)
            .optional()
            .build();

    private final List<MetadataColumn> columns;
    private final MetadataText text = new MetadataText();

    MetadataColumns(List<MetadataColumn> columns) {
        this.columns = List.copyOf(columns);
    }

    boolean isEmpty() {
        return columns.isEmpty();
    }

    /** Whether {@code fieldName} would clash with a metadata column (Glue column names ignore case). */
    boolean clashes(String fieldName) {
        String lower = fieldName.toLowerCase(Locale.ROOT);
        return columns.stream().anyMatch(c -> c.columnName().equals(lower));
    }

    /** Adds the metadata fields to a row schema being built. */
    void addTo(SchemaBuilder row) {
        for (MetadataColumn column : columns) {
            row.field(column.columnName(), schemaOf(column));
        }
    }

    /** Puts the record's metadata into {@code row}, whose schema {@link #addTo} made. */
    void fill(Struct row, SinkRecord record) {
        for (MetadataColumn column : columns) {
            row.put(column.columnName(), valueOf(column, record));
        }
    }

    private Object valueOf(MetadataColumn column, SinkRecord record) {
        return switch (column) {
            case TOPIC -> record.originalTopic();
            case PARTITION -> record.originalKafkaPartition();
            case OFFSET -> record.originalKafkaOffset();
            case TIMESTAMP -> record.timestamp() == null ? null : new Date(record.timestamp());
            case KEY -> text.of(record.keySchema(), record.key(), column.columnName());
            case HEADERS -> headers(record);
        };
    }

    /** Name to text in the record's order; a name given twice keeps its last value; no headers is NULL. */
    private Map<String, String> headers(SinkRecord record) {
        if (record.headers() == null || record.headers().isEmpty()) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(
                    header.key(),
                    text.of(header.schema(), header.value(), MetadataColumn.HEADERS.columnName() + "." + header.key()));
        }
        return headers;
    }

    static Schema schemaOf(MetadataColumn column) {
        return switch (column) {
            case TOPIC -> TOPIC;
            case PARTITION -> PARTITION;
            case OFFSET -> OFFSET;
            case TIMESTAMP -> TIMESTAMP;
            case KEY -> KEY;
            case HEADERS -> HEADERS;
        };
    }
}
