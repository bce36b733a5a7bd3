package io.stocklake.sink.config.confluent;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.sink.config.SinkConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfluentTranslatorTest {

    private static final String PARTITIONERS = "io.confluent.connect.storage.partitioner.";
    private static final String PARQUET = "io.confluent.connect.s3.format.parquet.ParquetFormat";

    private static Translation translate(String... pairs) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "io.stocklake.sink.S3GlueSinkConnector");
        config.put("s3.bucket.name", "lake");
        for (int i = 0; i < pairs.length; i += 2) {
            config.put(pairs[i], pairs[i + 1]);
        }
        return new ConfluentTranslator(SinkConfig.configDef().names()).translate(config);
    }

    @Test
    void storeUrlBecomesTheEndpoint() {
        Translation t = translate("store.url", "http://127.0.0.1:9000");

        assertThat(t.config()).containsEntry("s3.endpoint.url", "http://127.0.0.1:9000");
        assertThat(t.config()).doesNotContainKey("store.url");
        assertThat(t.refused()).isEmpty();
    }

    @Test
    void pathStyleAccessIsRenamed() {
        assertThat(translate("s3.path.style.access.enabled", "true").config())
                .containsEntry("s3.path.style.access", "true");
    }

    @Test
    void parquetFormatClassBecomesParquetWithConfluentsDefaultCodec() {
        Translation t = translate("format.class", PARQUET);

        assertThat(t.config()).containsEntry("format", "parquet").containsEntry("compression", "snappy");
    }

    @Test
    void parquetCodecBecomesCompression() {
        assertThat(translate("format.class", PARQUET, "parquet.codec", "zstd").config())
                .containsEntry("compression", "zstd");
    }

    @Test
    void s3CompressionTypeAppliesToJson() {
        Translation t = translate(
                "format.class", "io.confluent.connect.s3.format.json.JsonFormat", "s3.compression.type", "gzip");

        assertThat(t.config()).containsEntry("format", "json").containsEntry("compression", "gzip");
    }

    @Test
    void avroFormatIsRefusedNamingWhatToUse() {
        Translation t = translate("format.class", "io.confluent.connect.s3.format.avro.AvroFormat");

        assertThat(t.refused()).containsOnlyKeys("format.class");
        assertThat(t.refused().get("format.class")).contains("AvroFormat").contains("format=parquet");
    }

    @Test
    void lz4ParquetCodecIsRefused() {
        assertThat(translate("format.class", PARQUET, "parquet.codec", "lz4").refused())
                .containsOnlyKeys("parquet.codec");
    }

    @Test
    void timeBasedPartitionerTranslatesTheJodaPathFormat() {
        Translation t = translate(
                "partitioner.class", PARTITIONERS + "TimeBasedPartitioner",
                "path.format", "'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH",
                "partition.duration.ms", "3600000",
                "timestamp.extractor", "RecordField",
                "timestamp.field", "event_time");

        assertThat(t.refused()).isEmpty();
        assertThat(t.config())
                .containsEntry("path.format", "'year'=yyyy/'month'=MM/'day'=dd/'hour'=HH")
                .containsEntry("partition.time.source", "field")
                .containsEntry("partition.time.field", "event_time");
    }

    @Test
    void hourlyPartitionerGetsItsOwnPathFormat() {
        assertThat(translate("partitioner.class", PARTITIONERS + "HourlyPartitioner")
                        .config())
                .containsEntry("path.format", "'year'=yyyy/'month'=MM/'day'=dd/'hour'=HH");
    }

    @Test
    void timeBasedPartitionerWithoutExtractorUsesTheWallClockAsConfluentDoes() {
        assertThat(translate("partitioner.class", PARTITIONERS + "DailyPartitioner")
                        .config())
                .containsEntry("partition.time.source", "wallclock");
    }

    @Test
    void recordFieldExtractorWithoutFieldReadsConfluentsDefaultField() {
        assertThat(translate(
                                "partitioner.class",
                                PARTITIONERS + "DailyPartitioner",
                                "timestamp.extractor",
                                "RecordField")
                        .config())
                .containsEntry("partition.time.field", "timestamp");
    }

    @Test
    void recordFieldExtractorWithoutPartitionerAlsoReadsConfluentsDefaultField() {
        assertThat(translate("timestamp.extractor", "RecordField").config())
                .containsEntry("partition.time.source", "field")
                .containsEntry("partition.time.field", "timestamp");
    }

    @Test
    void fieldPartitionerBecomesPartitionFields() {
        Translation t =
                translate("partitioner.class", PARTITIONERS + "FieldPartitioner", "partition.field.name", "symbol");

        assertThat(t.config()).containsEntry("partition.fields", "symbol");
    }

    @Test
    void partitionerOfTheUsersOwnIsRefusedNamingKeyAndValue() {
        Translation t = translate("partitioner.class", "com.example.MyPartitioner");

        assertThat(t.refused().get("partitioner.class")).contains("com.example.MyPartitioner");
    }

    @Test
    void durationCoarserThanThePathFormatsFinestFieldIsRefused() {
        Translation t = translate(
                "partitioner.class", PARTITIONERS + "TimeBasedPartitioner",
                "path.format", "'dt'=YYYY-MM-dd/'hour'=HH",
                "partition.duration.ms", "86400000");

        assertThat(t.refused()).containsOnlyKeys("partition.duration.ms");
    }

    @Test
    void weekyearInAConfluentPathFormatIsRefusedOnPathFormat() {
        Translation t =
                translate("partitioner.class", PARTITIONERS + "TimeBasedPartitioner", "path.format", "'year'=xxxx");

        assertThat(t.refused()).containsOnlyKeys("path.format");
    }

    @Test
    void withoutAPartitionerPathFormatIsTheSinksOwn() {
        assertThat(translate("path.format", "'dt'=yyyy-MM-dd").config())
                .containsEntry("path.format", "'dt'=yyyy-MM-dd");
    }

    @Test
    void sseAlgorithmBecomesSse() {
        assertThat(translate("s3.ssea.name", "aws:kms").config()).containsEntry("s3.sse", "aws:kms");
    }

    @Test
    void partRetriesBecomeAttempts() {
        assertThat(translate("s3.part.retries", "3").config()).containsEntry("s3.retry.max.attempts", "4");
    }

    @Test
    void stsRoleOfTheAssumeRoleProviderIsHonoured() {
        Translation t = translate(
                "s3.credentials.provider.class", "io.confluent.connect.s3.auth.AwsAssumeRoleCredentialsProvider",
                "s3.credentials.provider.sts.role.arn", "arn:aws:iam::123456789012:role/lake");

        assertThat(t.refused()).isEmpty();
        assertThat(t.config()).containsEntry("aws.sts.role.arn", "arn:aws:iam::123456789012:role/lake");
    }

    @Test
    void harmlessKeyWithItsHarmlessValueIsAccepted() {
        Translation t = translate("storage.class", "io.confluent.connect.s3.storage.S3Storage");

        assertThat(t.refused()).isEmpty();
        assertThat(t.config()).doesNotContainKey("storage.class");
    }

    @Test
    void harmlessKeyWithAnotherValueIsRefused() {
        assertThat(translate("s3.wan.mode", "true").refused()).containsOnlyKeys("s3.wan.mode");
    }

    @Test
    void offsetPadWidthUpToTwentyIsAccepted() {
        assertThat(translate("filename.offset.zero.pad.width", "10").refused()).isEmpty();
    }

    @Test
    void offsetPadWidthBeyondTwentyIsRefused() {
        assertThat(translate("filename.offset.zero.pad.width", "25").refused())
                .containsOnlyKeys("filename.offset.zero.pad.width");
    }

    @Test
    void storeKafkaKeysPointsAtTheMetadataColumns() {
        assertThat(translate("store.kafka.keys", "true").refused().get("store.kafka.keys"))
                .contains("Kafka metadata columns (see README)");
    }

    @Test
    void confluentKeyContradictingTheSinksOwnKeyIsRefused() {
        Translation t = translate("store.url", "http://a:9000", "s3.endpoint.url", "http://b:9000");

        assertThat(t.refused()).containsOnlyKeys("store.url");
        assertThat(t.refused().get("store.url")).contains("s3.endpoint.url=http://b:9000");
    }

    @Test
    void confluentKeyAgreeingWithTheSinksOwnKeyIsAccepted() {
        assertThat(translate("store.url", "http://a:9000", "s3.endpoint.url", "http://a:9000")
                        .refused())
                .isEmpty();
    }

    @Test
    void frameworkKeysAreKeptAndNotUnknown() {
        Translation t = translate(
                "value.converter.schemas.enable", "true",
                "transforms.route.type", "org.apache.kafka.connect.transforms.RegexRouter",
                "errors.tolerance", "all",
                "consumer.override.isolation.level", "read_committed");

        assertThat(t.unknown()).isEmpty();
        assertThat(t.config()).containsKeys("value.converter.schemas.enable", "errors.tolerance");
    }

    @Test
    void keysNobodyKnowsAreListedAsUnknown() {
        Translation t = translate("s3.bukket.name", "lake", "flush.sise", "10");

        assertThat(t.unknown()).containsExactlyInAnyOrder("s3.bukket.name", "flush.sise");
        assertThat(t.refused()).isEmpty();
    }
}
