package io.stocklake.sink.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The file format and its compression, and whether the worker's value converter gives what the format needs. */
public final class FormatConfig extends ConfigFragment {

    public static final String FORMAT = "format";
    public static final String COMPRESSION = "compression";

    /** The worker's converter settings, read (never defined) to tell users early what a format cannot write. */
    static final String VALUE_CONVERTER = "value.converter";

    static final String VALUE_CONVERTER_SCHEMAS_ENABLE = "value.converter.schemas.enable";

    static final String GROUP = "File format";
    static final DataFormat FORMAT_DEFAULT = DataFormat.JSON;
    static final Compression COMPRESSION_DEFAULT = Compression.NONE;

    private final Map<String, String> connectorConfig;

    /** @param connectorConfig the whole connector configuration, where the converter settings are */
    FormatConfig(Map<String, ?> values, Map<String, String> connectorConfig) {
        super(values);
        this.connectorConfig = connectorConfig;
    }

    static void define(ConfigDef def, KeyOrder order) {
        def.define(
                FORMAT,
                Type.STRING,
                FORMAT_DEFAULT.configName(),
                ValidString.in(ConfigName.all(DataFormat.class)),
                Importance.HIGH,
                "File format: JSON lines, CSV with a header, or Parquet. csv and parquet need "
                        + "values with a schema, or a Glue table whose columns give schemaless values theirs.",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Format");
        def.define(
                COMPRESSION,
                Type.STRING,
                COMPRESSION_DEFAULT.configName(),
                ValidString.in(ConfigName.all(Compression.class)),
                Importance.MEDIUM,
                "Compression of the files; snappy only with parquet.",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Compression");
    }

    /** A compression the format does not offer, and a converter whose values the format cannot write. */
    void check(BiConsumer<String, String> problems) {
        if (accepted(FORMAT, COMPRESSION) && !format().offers(compression())) {
            problems.accept(
                    COMPRESSION,
                    compression().configName() + " is only available with " + FORMAT + "="
                            + DataFormat.PARQUET.configName() + "; text formats take gzip or zstd");
        }
        if (!accepted(FORMAT)) {
            return;
        }
        Optional<ValueConverter> converter = ValueConverter.named(connectorConfig.get(VALUE_CONVERTER));
        if (converter.isEmpty()) {
            return;
        }
        String setting = VALUE_CONVERTER + "=" + converter.get().className();
        if (format().needsSchema()) {
            if (converter.get().givesTextOrBytes()) {
                problems.accept(FORMAT, needsSchema(setting + " gives values without one"));
            } else if (schemasDisabled() && !glueDeclaresColumns()) {
                // With Glue, schemaless JSON takes its schema from the existing table instead.
                problems.accept(
                        FORMAT,
                        needsSchema(setting + " with " + VALUE_CONVERTER_SCHEMAS_ENABLE + "=false and "
                                + CatalogConfig.GLUE_ENABLED + "=false gives values without one"));
            }
        } else if (converter.get().givesTextOrBytes()) {
            // A JSON line is an object: text and bytes values would all end up as bad records at run time.
            problems.accept(
                    FORMAT,
                    FORMAT + "=" + format().configName() + " writes each value as a JSON object, but "
                            + setting + " gives plain text or bytes; use " + ValueConverter.JSON.className()
                            + " (with or without schemas) or a schema-registry converter");
        }
    }

    private String needsSchema(String why) {
        return FORMAT + "=" + format().configName() + " needs record values with a schema, but " + why + "; use "
                + ValueConverter.JSON.className() + " with " + VALUE_CONVERTER_SCHEMAS_ENABLE + "=true or a "
                + "schema-registry converter (Avro, Protobuf, JSON Schema), " + CatalogConfig.GLUE_ENABLED
                + "=true with the table created beforehand, or " + FORMAT + "="
                + DataFormat.JSON.configName();
    }

    /** Whether the Glue table is there to give schemaless values their columns. */
    private boolean glueDeclaresColumns() {
        return accepted(CatalogConfig.GLUE_ENABLED) && Boolean.TRUE.equals(value(CatalogConfig.GLUE_ENABLED));
    }

    private boolean schemasDisabled() {
        return "false"
                .equalsIgnoreCase(String.valueOf(connectorConfig.get(VALUE_CONVERTER_SCHEMAS_ENABLE))
                        .trim());
    }

    public DataFormat format() {
        return ConfigName.parse(DataFormat.class, value(FORMAT));
    }

    public Compression compression() {
        return ConfigName.parse(Compression.class, value(COMPRESSION));
    }
}
