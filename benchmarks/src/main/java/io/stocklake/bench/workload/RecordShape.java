package io.stocklake.bench.workload;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How tick values travel through the topics, each shape a pair of shipped configurations ({@code connect-configs/})
 * whose converter settings the benchmarks copy: the schema embedded in every record (the default pair), or the
 * payload alone with the sink's converter given the schema once ({@code schema.content}, Kafka Connect 4.2 and later).
 */
public enum RecordShape {
    EMBEDDED_SCHEMA(
            "embedded",
            "stock-ticks-source.json",
            "s3-glue-sink.json",
            "JSON values with the schema embedded in each",
            1),
    EXTERNAL_SCHEMA(
            "external",
            "stock-ticks-source-external-schema.json",
            "s3-glue-sink-external-schema.json",
            "JSON values without their schema, which the sink's converter is given once as `schema.content`",
            3);

    private final String option;
    private final String sourceFile;
    private final String sinkFile;
    private final String description;
    private final int topicScale;

    RecordShape(String option, String sourceFile, String sinkFile, String description, int topicScale) {
        this.option = option;
        this.sourceFile = sourceFile;
        this.sinkFile = sinkFile;
        this.description = description;
        this.topicScale = topicScale;
    }

    /** The shape named on the command line ({@code --schema embedded|external}). */
    public static RecordShape of(String option) {
        return Arrays.stream(values())
                .filter(shape -> shape.option.equals(option))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--schema takes one of "
                        + Arrays.stream(values()).map(RecordShape::option).collect(Collectors.joining(", ")) + "; got "
                        + option));
    }

    public String option() {
        return option;
    }

    /** The shipped source configuration of this shape, e.g. {@code stock-ticks-source.json}. */
    public String sourceFile() {
        return sourceFile;
    }

    /** The shipped sink configuration of this shape, e.g. {@code s3-glue-sink.json}. */
    public String sinkFile() {
        return sinkFile;
    }

    /** For the reports: how the values look on the topic. */
    public String description() {
        return description;
    }

    /**
     * How many times its default size a sink benchmark's topic holds in this shape. Records without their schema
     * pass through Connect about three times as fast (the no-op sink: 540,000 against 160,000 records/s), and the
     * measured window must still span as many offset commits: at the default size it would last under a second.
     */
    public long topicRecords(long defaultRecords) {
        return defaultRecords * topicScale;
    }

    /** The {@code key.converter*} and {@code value.converter*} settings of the shipped source configuration. */
    public Map<String, String> sourceConverters() {
        return converters(ShippedConfigs.read(sourceFile));
    }

    /** The {@code key.converter*} and {@code value.converter*} settings of the shipped sink configuration. */
    public Map<String, String> sinkConverters() {
        return converters(ShippedConfigs.read(sinkFile));
    }

    /** Added to a section's title: nothing for the default, so that its section keeps its title. */
    public String titleSuffix() {
        return this == EMBEDDED_SCHEMA ? "" : ", " + option + " schema";
    }

    /** The name of a benchmark's section for this shape: the default keeps the plain name. */
    public String section(String benchmark) {
        return this == EMBEDDED_SCHEMA ? benchmark : benchmark + "-" + option + "-schema";
    }

    private static Map<String, String> converters(Map<String, String> config) {
        Map<String, String> converters = new LinkedHashMap<>();
        config.forEach((key, value) -> {
            if (key.startsWith("key.converter") || key.startsWith("value.converter")) {
                converters.put(key, value);
            }
        });
        return converters;
    }
}
