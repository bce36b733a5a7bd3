package io.stocklake.trino;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.TableInput;

/** The Glue storage descriptors Athena reads each of the sink's file formats with (see FIELD-NOTES). */
enum StorageFormat {
    JSON_LINES(
            "org.apache.hadoop.mapred.TextInputFormat",
            "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
            "org.apache.hive.hcatalog.data.JsonSerDe",
            Map.of()),
    CSV(
            "org.apache.hadoop.mapred.TextInputFormat",
            "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
            "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
            Map.of("field.delim", ",", "serialization.format", ",")),
    PARQUET(
            "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
            "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
            "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
            Map.of("serialization.format", "1"));

    private final String inputFormat;
    private final String outputFormat;
    private final String serde;
    private final Map<String, String> serdeParameters;

    StorageFormat(String inputFormat, String outputFormat, String serde, Map<String, String> serdeParameters) {
        this.inputFormat = inputFormat;
        this.outputFormat = outputFormat;
        this.serde = serde;
        this.serdeParameters = serdeParameters;
    }

    StorageDescriptor descriptor(String location, List<Column> columns) {
        return StorageDescriptor.builder()
                .location(location)
                .columns(columns)
                .inputFormat(inputFormat)
                .outputFormat(outputFormat)
                .serdeInfo(SerDeInfo.builder()
                        .serializationLibrary(serde)
                        .parameters(serdeParameters)
                        .build())
                .build();
    }

    /** An external table at {@code location}; {@code parameters} are the table's own (header lines, projection). */
    TableInput table(
            String name,
            String location,
            List<Column> columns,
            List<Column> partitionKeys,
            Map<String, String> parameters) {
        return TableInput.builder()
                .name(name)
                .tableType("EXTERNAL_TABLE")
                .parameters(parameters)
                .partitionKeys(partitionKeys)
                .storageDescriptor(descriptor(location, columns))
                .build();
    }

    PartitionInput partition(List<String> values, String location, List<Column> columns) {
        return PartitionInput.builder()
                .values(values)
                .storageDescriptor(descriptor(location, columns))
                .build();
    }

    static Column column(String name, String type) {
        return Column.builder().name(name).type(type).build();
    }
}
