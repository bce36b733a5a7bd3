package io.stocklake.compaction.rewrite;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** Reads compacted files back in tests of other packages. */
public final class ParquetFiles {

    private ParquetFiles() {}

    public static CompressionCodecName codec(byte[] file) throws IOException {
        return ParquetRows.codec(file);
    }

    public static List<Struct> rows(byte[] file, Schema schema) throws IOException {
        List<Struct> rows = new ArrayList<>();
        ParquetRows.read(
                file,
                TableSchema.of(
                        schema.name(),
                        schema.fields().stream()
                                .map(f -> new TableSchema.Column(f.name(), hive(f.schema())))
                                .toList()),
                rows::add);
        return rows;
    }

    private static String hive(Schema schema) {
        if (org.apache.kafka.connect.data.Timestamp.LOGICAL_NAME.equals(schema.name())) {
            return "timestamp";
        }
        return switch (schema.type()) {
            case STRING -> "string";
            case FLOAT64 -> "double";
            case INT64 -> "bigint";
            case INT32 -> "int";
            default -> throw new IllegalArgumentException(schema.type().toString());
        };
    }
}
