package io.stocklake.sink.catalog.glue;

import io.stocklake.sink.config.Compression;
import io.stocklake.sink.config.DataFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** What Athena needs in a table's StorageDescriptor and parameters to read the files of one format. */
enum TableFormat {
    JSON("json", "org.apache.hive.hcatalog.data.JsonSerDe", TableFormat.TEXT_INPUT, TableFormat.TEXT_OUTPUT, Map.of()),
    CSV(
            "csv",
            "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
            TableFormat.TEXT_INPUT,
            TableFormat.TEXT_OUTPUT,
            // An empty field is NULL, as the CSV writer writes nulls.
            Map.of("field.delim", ",", "serialization.format", ",", "serialization.null.format", "")),
    PARQUET(
            "parquet",
            "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
            "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
            "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
            Map.of("serialization.format", "1"));

    private static final String TEXT_INPUT = "org.apache.hadoop.mapred.TextInputFormat";
    private static final String TEXT_OUTPUT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";

    final String classification;
    final String serde;
    final String inputFormat;
    final String outputFormat;
    final Map<String, String> serdeParameters;

    TableFormat(
            String classification,
            String serde,
            String inputFormat,
            String outputFormat,
            Map<String, String> serdeParameters) {
        this.classification = classification;
        this.serde = serde;
        this.inputFormat = inputFormat;
        this.outputFormat = outputFormat;
        this.serdeParameters = serdeParameters;
    }

    /** The table format of the files the sink writes in {@code format}. */
    static TableFormat of(DataFormat format) {
        return switch (format) {
            case JSON -> JSON;
            case CSV -> CSV;
            case PARQUET -> PARQUET;
        };
    }

    /** Table parameters: classification, compression, the CSV header; EXTERNAL. */
    Map<String, String> tableParameters(Compression compression) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("EXTERNAL", "TRUE");
        parameters.put("classification", classification);
        parameters.put("compressionType", compression.configName());
        if (this == PARQUET) {
            parameters.put(
                    "parquet.compression", compression == Compression.NONE ? "UNCOMPRESSED" : compression.name());
        }
        if (this == CSV) {
            parameters.put("skip.header.line.count", "1");
        }
        return parameters;
    }

    /** Whether CSV-like positional columns: fields must keep their place in the table. */
    boolean positional() {
        return this == CSV;
    }
}
