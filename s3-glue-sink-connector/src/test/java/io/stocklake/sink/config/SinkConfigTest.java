package io.stocklake.sink.config;

import static io.stocklake.sink.config.SinkProps.assertRejected;
import static io.stocklake.sink.config.SinkProps.minimal;
import static io.stocklake.sink.config.SinkProps.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.sink.S3GlueSinkConnector;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkConfigTest {

    @Test
    void defaultsNeedOnlyTheBucket() {
        SinkConfig config = new SinkConfig(minimal());

        assertThat(config.format().format()).isEqualTo(DataFormat.JSON);
        assertThat(config.layout().pathTemplate().keys()).containsExactly("dt", "hour");
        assertThat(config.layout().timezone().getId()).isEqualTo("UTC");
        assertThat(config.layout().timeSource()).isEqualTo(TimeSource.RECORD);
        assertThat(config.errors().nullValueBehavior()).isEqualTo(NullValueBehavior.FAIL);
        assertThat(config.layout().tableNaming().tableFor("stock-ticks")).isEqualTo("stock_ticks");
    }

    @Test
    void bucketIsRequired() {
        assertThatThrownBy(() -> new SinkConfig(Map.of())).hasMessageContaining(StorageConfig.S3_BUCKET_NAME);
    }

    @Test
    void parquetWithStringConverterNamesTheConverter() {
        assertRejected(
                with(
                        FormatConfig.FORMAT,
                        "parquet",
                        "value.converter",
                        "org.apache.kafka.connect.storage.StringConverter"),
                FormatConfig.FORMAT,
                "StringConverter");
    }

    @Test
    void jsonWithStringConverterIsRejectedBecauseNoTextValueIsAJsonObject() {
        assertRejected(
                with("value.converter", "org.apache.kafka.connect.storage.StringConverter"),
                FormatConfig.FORMAT,
                "gives plain text or bytes");
    }

    @Test
    void jsonWithSchemalessJsonConverterIsFine() {
        Map<String, String> props = with(
                "value.converter",
                "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable",
                "false");
        assertThat(new S3GlueSinkConnector().validate(props).configValues())
                .allSatisfy(v -> assertThat(v.errorMessages()).as(v.name()).isEmpty());
    }

    @Test
    void csvWithSchemalessJsonConverterAndNoGlueNamesSchemasEnable() {
        assertRejected(
                with(
                        FormatConfig.FORMAT,
                        "csv",
                        "value.converter",
                        "org.apache.kafka.connect.json.JsonConverter",
                        "value.converter.schemas.enable",
                        "false",
                        CatalogConfig.GLUE_ENABLED,
                        "false"),
                FormatConfig.FORMAT,
                "value.converter.schemas.enable=false");
    }

    @Test
    void parquetWithSchemalessJsonConverterIsFineWhenTheGlueTableGivesTheColumns() {
        Map<String, String> props = with(
                FormatConfig.FORMAT,
                "parquet",
                "value.converter",
                "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable",
                "false");
        assertThat(new S3GlueSinkConnector().validate(props).configValues())
                .allSatisfy(v -> assertThat(v.errorMessages()).as(v.name()).isEmpty());
    }

    @Test
    void parquetWithSchemaJsonConverterIsFine() {
        new SinkConfig(with(
                FormatConfig.FORMAT,
                "parquet",
                FormatConfig.COMPRESSION,
                "snappy",
                "value.converter",
                "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable",
                "true"));
    }

    @Test
    void snappyNeedsParquet() {
        assertRejected(with(FormatConfig.COMPRESSION, "snappy"), FormatConfig.COMPRESSION, "format=parquet");
    }

    @Test
    void fieldTimeSourceNeedsTheField() {
        assertRejected(
                with(LayoutConfig.PARTITION_TIME_SOURCE, "field"),
                LayoutConfig.PARTITION_TIME_FIELD,
                "partition.time.source=field");
    }

    @Test
    void kmsKeyNeedsKmsEncryption() {
        assertRejected(with(StorageConfig.S3_SSE_KMS_KEY_ID, "key-1"), StorageConfig.S3_SSE_KMS_KEY_ID, "aws:kms");
    }

    @Test
    void accessKeyNeedsItsSecret() {
        assertRejected(
                with(CredentialsConfig.AWS_ACCESS_KEY_ID, "AKIA"),
                CredentialsConfig.AWS_SECRET_ACCESS_KEY,
                "aws.access.key.id");
    }

    @Test
    void roleArnMustBeAnIamRoleArn() {
        assertRejected(with("aws.sts.role.arn", "admin"), CredentialsConfig.AWS_STS_ROLE_ARN, "not an IAM role ARN");
        assertThat(new SinkConfig(with("aws.sts.role.arn", "arn:aws:iam::123456789012:role/lake/writer"))
                        .originalsStrings())
                .containsKey("aws.sts.role.arn");
    }

    @Test
    void externalIdNeedsARole() {
        assertRejected(
                with("aws.sts.role.external.id", "id-1"),
                CredentialsConfig.AWS_STS_ROLE_EXTERNAL_ID,
                "only used with aws.sts.role.arn");
    }

    @Test
    void partitionFieldMayNotRepeatATimeKey() {
        assertRejected(with(LayoutConfig.PARTITION_FIELDS, "meta.dt"), LayoutConfig.PARTITION_FIELDS, "dt");
    }

    @Test
    void backoffCapBelowBaseIsRejected() {
        assertRejected(
                with(StorageConfig.S3_RETRY_BACKOFF_MS, "500", StorageConfig.S3_RETRY_MAX_BACKOFF_MS, "100"),
                StorageConfig.S3_RETRY_MAX_BACKOFF_MS,
                "s3.retry.backoff.ms");
    }

    @Test
    void pathFormatSegmentsMustBeQuotedHiveKeys() {
        assertRejected(with(LayoutConfig.PATH_FORMAT, "yyyy/MM"), LayoutConfig.PATH_FORMAT, "'key'=pattern");
        assertRejected(
                with(LayoutConfig.PATH_FORMAT, "'dt'=yyyy-MM-dd/'hour'=HHH{"),
                LayoutConfig.PATH_FORMAT,
                "invalid date-time pattern");
    }

    @Test
    void unknownTimezoneIsRejected() {
        assertRejected(with(LayoutConfig.TIMEZONE, "Mars/Olympus"), LayoutConfig.TIMEZONE, "time zone");
    }

    @Test
    void tableNameMustBeAValidGlueName() {
        assertRejected(with(LayoutConfig.TABLE_NAME, "Stock-Ticks"), LayoutConfig.TABLE_NAME, "lowercase");
    }

    @Test
    void topicsDirMayNotStartOrEndWithSlash() {
        assertRejected(with(LayoutConfig.TOPICS_DIR, "/topics/"), LayoutConfig.TOPICS_DIR, "'/'");
    }

    @Test
    void partSizeBelowTheS3MinimumIsRejected() {
        assertRejected(with(StorageConfig.S3_PART_SIZE, "1048576"), StorageConfig.S3_PART_SIZE, "5242880");
    }

    @Test
    void rotationIntervalsAreMinusOneOrPositive() {
        assertRejected(
                with(RotationConfig.ROTATE_SCHEDULE_INTERVAL_MS, "0"),
                RotationConfig.ROTATE_SCHEDULE_INTERVAL_MS,
                "-1");
    }

    @Test
    void secretIsAPasswordAndNeverPrinted() {
        SinkConfig config = new SinkConfig(with(
                CredentialsConfig.AWS_ACCESS_KEY_ID, "AKIA", CredentialsConfig.AWS_SECRET_ACCESS_KEY, "very-secret"));

        assertThat(config.credentials().secretAccessKey().value()).isEqualTo("very-secret");
        assertThat(config.toString()).doesNotContain("very-secret");
    }
}
