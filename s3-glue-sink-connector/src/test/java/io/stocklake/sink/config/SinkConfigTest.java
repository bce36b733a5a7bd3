package io.stocklake.sink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.stocklake.sink.S3GlueSinkConnector;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class S3SinkConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put(S3SinkConfig.S3_BUCKET_NAME, "stock-lake");
        return props;
    }

    private static Map<String, String> with(String... keyValues) {
        Map<String, String> props = minimal();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    private static void assertRejected(Map<String, String> props, String key, String fragment) {
        assertThatThrownBy(() -> new S3SinkConfig(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key)
                .hasMessageContaining(fragment);
        List<String> errors = new S3GlueSinkConnector().validate(props).configValues().stream()
                .filter(v -> v.name().equals(key)).findFirst().map(ConfigValue::errorMessages).orElseThrow();
        assertThat(errors).anySatisfy(e -> assertThat(e).contains(fragment));
    }

    @Test
    void defaultsNeedOnlyTheBucket() {
        S3SinkConfig config = new S3SinkConfig(minimal());

        assertThat(config.format()).isEqualTo("json");
        assertThat(config.pathTemplate().keys()).containsExactly("dt", "hour");
        assertThat(config.timezone().getId()).isEqualTo("UTC");
        assertThat(config.timeSource()).isEqualTo(TimeSource.RECORD);
        assertThat(config.nullValueBehavior()).isEqualTo(NullValueBehavior.FAIL);
        assertThat(config.tableNaming().tableFor("stock-ticks")).isEqualTo("stock_ticks");
    }

    @Test
    void bucketIsRequired() {
        assertThatThrownBy(() -> new S3SinkConfig(Map.of())).hasMessageContaining(S3SinkConfig.S3_BUCKET_NAME);
    }

    @Test
    void parquetWithStringConverterNamesTheConverter() {
        assertRejected(with(S3SinkConfig.FORMAT, "parquet",
                        "value.converter", "org.apache.kafka.connect.storage.StringConverter"),
                S3SinkConfig.FORMAT, "StringConverter");
    }

    @Test
    void jsonWithStringConverterIsRejectedBecauseNoTextValueIsAJsonObject() {
        assertRejected(with("value.converter", "org.apache.kafka.connect.storage.StringConverter"),
                S3SinkConfig.FORMAT, "gives plain text or bytes");
    }

    @Test
    void jsonWithSchemalessJsonConverterIsFine() {
        Map<String, String> props = with("value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable", "false");
        assertThat(new S3GlueSinkConnector().validate(props).configValues())
                .allSatisfy(v -> assertThat(v.errorMessages()).as(v.name()).isEmpty());
    }

    @Test
    void csvWithSchemalessJsonConverterNamesSchemasEnable() {
        assertRejected(with(S3SinkConfig.FORMAT, "csv",
                        "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                        "value.converter.schemas.enable", "false"),
                S3SinkConfig.FORMAT, "value.converter.schemas.enable=false");
    }

    @Test
    void parquetWithSchemaJsonConverterIsFine() {
        new S3SinkConfig(with(S3SinkConfig.FORMAT, "parquet", S3SinkConfig.COMPRESSION, "snappy",
                "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable", "true"));
    }

    @Test
    void snappyNeedsParquet() {
        assertRejected(with(S3SinkConfig.COMPRESSION, "snappy"), S3SinkConfig.COMPRESSION, "format=parquet");
    }

    @Test
    void fieldTimeSourceNeedsTheField() {
        assertRejected(with(S3SinkConfig.PARTITION_TIME_SOURCE, "field"), S3SinkConfig.PARTITION_TIME_FIELD,
                "partition.time.source=field");
    }

    @Test
    void kmsKeyNeedsKmsEncryption() {
        assertRejected(with(S3SinkConfig.S3_SSE_KMS_KEY_ID, "key-1"), S3SinkConfig.S3_SSE_KMS_KEY_ID, "aws:kms");
    }

    @Test
    void accessKeyNeedsItsSecret() {
        assertRejected(with(S3SinkConfig.AWS_ACCESS_KEY_ID, "AKIA"), S3SinkConfig.AWS_SECRET_ACCESS_KEY,
                "aws.access.key.id");
    }

    @Test
    void roleArnMustBeAnIamRoleArn() {
        assertRejected(with("aws.sts.role.arn", "admin"), S3SinkConfig.AWS_STS_ROLE_ARN, "not an IAM role ARN");
        assertThat(new S3SinkConfig(with("aws.sts.role.arn", "arn:aws:iam::123456789012:role/lake/writer"))
                .originalsStrings()).containsKey("aws.sts.role.arn");
    }

    @Test
    void externalIdNeedsARole() {
        assertRejected(with("aws.sts.role.external.id", "id-1"), S3SinkConfig.AWS_STS_ROLE_EXTERNAL_ID,
                "only used with aws.sts.role.arn");
    }

    @Test
    void partitionFieldMayNotRepeatATimeKey() {
        assertRejected(with(S3SinkConfig.PARTITION_FIELDS, "meta.dt"), S3SinkConfig.PARTITION_FIELDS, "dt");
    }

    @Test
    void backoffCapBelowBaseIsRejected() {
        assertRejected(with(S3SinkConfig.S3_RETRY_BACKOFF_MS, "500", S3SinkConfig.S3_RETRY_MAX_BACKOFF_MS, "100"),
                S3SinkConfig.S3_RETRY_MAX_BACKOFF_MS, "s3.retry.backoff.ms");
    }

    @Test
    void pathFormatSegmentsMustBeQuotedHiveKeys() {
        assertRejected(with(S3SinkConfig.PATH_FORMAT, "yyyy/MM"), S3SinkConfig.PATH_FORMAT, "'key'=pattern");
        assertRejected(with(S3SinkConfig.PATH_FORMAT, "'dt'=yyyy-MM-dd/'hour'=HHH{"), S3SinkConfig.PATH_FORMAT,
                "invalid date-time pattern");
    }

    @Test
    void unknownTimezoneIsRejected() {
        assertRejected(with(S3SinkConfig.TIMEZONE, "Mars/Olympus"), S3SinkConfig.TIMEZONE, "time zone");
    }

    @Test
    void tableNameMustBeAValidGlueName() {
        assertRejected(with(S3SinkConfig.TABLE_NAME, "Stock-Ticks"), S3SinkConfig.TABLE_NAME, "lowercase");
    }

    @Test
    void topicsDirMayNotStartOrEndWithSlash() {
        assertRejected(with(S3SinkConfig.TOPICS_DIR, "/topics/"), S3SinkConfig.TOPICS_DIR, "'/'");
    }

    @Test
    void partSizeBelowTheS3MinimumIsRejected() {
        assertRejected(with(S3SinkConfig.S3_PART_SIZE, "1048576"), S3SinkConfig.S3_PART_SIZE, "5242880");
    }

    @Test
    void rotationIntervalsAreMinusOneOrPositive() {
        assertRejected(with(S3SinkConfig.ROTATE_SCHEDULE_INTERVAL_MS, "0"), S3SinkConfig.ROTATE_SCHEDULE_INTERVAL_MS,
                "-1");
    }

    @Test
    void secretIsAPasswordAndNeverPrinted() {
        S3SinkConfig config = new S3SinkConfig(with(S3SinkConfig.AWS_ACCESS_KEY_ID, "AKIA",
                S3SinkConfig.AWS_SECRET_ACCESS_KEY, "very-secret"));

        assertThat(config.secretAccessKey().value()).isEqualTo("very-secret");
        assertThat(config.toString()).doesNotContain("very-secret");
    }
}
