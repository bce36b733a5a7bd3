package io.stocklake.sink.config.confluent;

import static io.stocklake.sink.config.confluent.ConfluentKey.harmless;
import static io.stocklake.sink.config.confluent.ConfluentKey.refused;
import static io.stocklake.sink.config.confluent.ConfluentKey.renamed;
import static io.stocklake.sink.config.confluent.ConfluentKey.sameName;
import static io.stocklake.sink.config.confluent.ConfluentKey.translated;
import static io.stocklake.sink.config.confluent.ConfluentKey.valueMapped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one mapping of Confluent's S3 sink keys ({@code io.confluent.connect.s3.S3SinkConnector}, with its storage,
 * partitioner and Hive keys) to the sink's: used when a configuration is translated, and to write the migration
 * table of the README.
 */
public final class ConfluentKeys {

    static final String STORAGE = "io.confluent.connect.s3.storage.S3Storage";
    static final String PARTITIONERS = "io.confluent.connect.storage.partitioner.";
    static final String DEFAULT_PARTITIONER = PARTITIONERS + "DefaultPartitioner";
    static final String FIELD_PARTITIONER = PARTITIONERS + "FieldPartitioner";
    static final String TIME_BASED_PARTITIONER = PARTITIONERS + "TimeBasedPartitioner";
    static final String HOURLY_PARTITIONER = PARTITIONERS + "HourlyPartitioner";
    static final String DAILY_PARTITIONER = PARTITIONERS + "DailyPartitioner";

    private static final String METADATA_COLUMNS = "the Kafka metadata columns (see README)";

    /** Every key, in the order of the migration table. */
    public static final List<ConfluentKey> ALL = List.of(
            // Connector
            valueMapped(
                    "format.class",
                    "format",
                    ordered(
                            "io.confluent.connect.s3.format.json.JsonFormat", "json",
                            "io.confluent.connect.s3.format.parquet.ParquetFormat", "parquet"),
                    "AvroFormat and ByteArrayFormat have no equivalent: use format=parquet (Athena reads it "
                            + "with the table the sink registers) or format=json"),
            sameName("flush.size", "rotates all open files of the Kafka partition together"),
            sameName("rotate.interval.ms"),
            sameName("rotate.schedule.interval.ms"),
            sameName("retry.backoff.ms"),
            sameName("behavior.on.null.values"),
            translated(
                    "parquet.codec",
                    "compression",
                    "with ParquetFormat: none, snappy (Confluent's default, also when absent), gzip, zstd; lz4 "
                            + "and brotli are refused; ignored with JsonFormat, as Confluent ignores it"),
            translated(
                    "filename.offset.zero.pad.width",
                    "",
                    "accepted up to 20: it is a minimum width, and the sink always pads start offsets to 20 "
                            + "digits"),
            harmless(
                    "schema.compatibility",
                    "the sink rotates files on every schema change and appends new fields as table columns; "
                            + "it never projects records onto an older or newer schema",
                    "NONE"),
            harmless("schema.cache.size", "the sink keeps its own schema cache"),
            harmless("enhanced.avro.schema.support", "only shapes Avro schemas, which the sink does not write"),
            harmless("connect.meta.data", "only shapes Avro schemas, which the sink does not write"),
            harmless("avro.codec", "only used by AvroFormat, which is refused"),
            harmless("format.bytearray.extension", "only used by ByteArrayFormat, which is refused"),
            harmless("format.bytearray.separator", "only used by ByteArrayFormat, which is refused"),
            harmless("json.decimal.format", "the sink writes decimals in JSON as numbers", "NUMERIC"),
            refused("store.kafka.keys", METADATA_COLUMNS),
            refused("store.kafka.headers", METADATA_COLUMNS),
            refused("keys.format.class", METADATA_COLUMNS),
            refused("headers.format.class", METADATA_COLUMNS),
            // S3
            sameName("s3.bucket.name"),
            sameName(
                    "s3.region",
                    "when absent Confluent uses us-west-2, the sink the AWS SDK's region chain: give it to be sure"),
            sameName("s3.part.size"),
            sameName("s3.sse.kms.key.id"),
            sameName("s3.retry.backoff.ms"),
            sameName("aws.access.key.id"),
            sameName("aws.secret.access.key"),
            renamed("store.url", "s3.endpoint.url"),
            renamed("s3.path.style.access.enabled", "s3.path.style.access"),
            valueMapped(
                    "s3.ssea.name",
                    "s3.sse",
                    ordered("", "none", "AES256", "AES256", "aws:kms", "aws:kms"),
                    "other algorithms have no equivalent: use s3.sse=aws:kms"),
            translated(
                    "s3.compression.type",
                    "compression",
                    "with JsonFormat: none, gzip; ignored with ParquetFormat, as Confluent ignores it"),
            translated("s3.part.retries", "s3.retry.max.attempts", "retries + 1 attempts (at most 99 retries)"),
            harmless(
                    "s3.credentials.provider.class",
                    "the default chain, or AwsAssumeRoleCredentialsProvider with the sts.role keys below; other "
                            + "providers: use aws.access.key.id/aws.secret.access.key, aws.sts.role.arn or the "
                            + "default chain",
                    "com.amazonaws.auth.DefaultAWSCredentialsProviderChain",
                    "io.confluent.connect.s3.auth.AwsAssumeRoleCredentialsProvider"),
            renamed("s3.credentials.provider.sts.role.arn", "aws.sts.role.arn"),
            renamed("s3.credentials.provider.sts.role.session.name", "aws.sts.role.session.name"),
            renamed("s3.credentials.provider.sts.role.external.id", "aws.sts.role.external.id"),
            harmless("s3.wan.mode", "transfer acceleration is not offered", "false"),
            harmless("s3.http.send.expect.continue", "the sink always sends Expect: 100-continue", "true"),
            harmless("s3.elastic.buffer.enable", "buffer.max.bytes bounds the task's memory"),
            harmless("s3.elastic.buffer.init.capacity", "buffer.max.bytes bounds the task's memory"),
            harmless("s3.object.tagging", "object tags are not offered", "false"),
            harmless("s3.object.behavior.on.tagging.error", "only used with s3.object.tagging"),
            harmless("s3.compression.level", "the codec's default level is used", "-1"),
            refused("s3.acl.canned", "bucket policies and the bucket's Object Ownership (bucket owner enforced)"),
            refused("s3.sse.customer.key", "s3.sse=aws:kms (customer-provided keys are not offered)"),
            refused("s3.sse.key", "s3.sse=aws:kms (customer-provided keys are not offered)"),
            refused(
                    "s3.proxy.url",
                    "the worker JVM's proxy properties (https.proxyHost, https.proxyPort), which the AWS SDK "
                            + "reads"),
            refused("s3.proxy.user", "the worker JVM's proxy properties"),
            refused("s3.proxy.password", "the worker JVM's proxy properties"),
            // Storage
            sameName("topics.dir"),
            harmless("storage.class", "the sink writes to S3", STORAGE),
            harmless("directory.delim", "the sink separates folders with /", "/"),
            harmless("file.delim", "the sink joins topic, partition and offset with +", "+"),
            // Partitioner
            translated(
                    "partitioner.class",
                    "path.format, partition.fields",
                    "DefaultPartitioner: the sink's default time folders; FieldPartitioner: partition.fields; "
                            + "TimeBasedPartitioner: path.format; HourlyPartitioner, DailyPartitioner: their "
                            + "path.format; any other class is refused"),
            translated(
                    "path.format",
                    "path.format",
                    "with TimeBasedPartitioner a Joda pattern, translated to java.time (YYYY is the calendar "
                            + "year); week fields (x, w, e) and text fields are refused"),
            translated(
                    "partition.field.name",
                    "partition.fields",
                    "with FieldPartitioner; ignored otherwise, as Confluent ignores it"),
            translated(
                    "partition.duration.ms",
                    "",
                    "accepted when it divides the length of path.format's finest field (3600000 for HH); "
                            + "otherwise Confluent's folders would differ, and it is refused"),
            harmless("locale", "path.format renders numeric fields only, the same in every locale"),
            sameName("timezone"),
            valueMapped(
                    "timestamp.extractor",
                    "partition.time.source",
                    ordered(
                            "Record",
                            "record",
                            "RecordField",
                            "field",
                            "Wallclock",
                            "wallclock",
                            PARTITIONERS + "TimeBasedPartitioner$RecordTimestampExtractor",
                            "record",
                            PARTITIONERS + "TimeBasedPartitioner$RecordFieldTimestampExtractor",
                            "field",
                            PARTITIONERS + "TimeBasedPartitioner$WallclockTimestampExtractor",
                            "wallclock"),
                    "absent with a time-based partitioner it is Wallclock, as in Confluent; extractors of your "
                            + "own are refused"),
            renamed("timestamp.field", "partition.time.field"),
            // Hive
            harmless("hive.integration", "the sink registers tables and partitions in Glue (glue.*)", "false"),
            refused("hive.metastore.uris", "glue.endpoint.url (a Glue-compatible catalog)"),
            refused("hive.conf.dir", "glue.* keys"),
            refused("hive.home", "glue.* keys"),
            refused("hive.database", "glue.database"));

    private static final Map<String, ConfluentKey> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(ConfluentKey::name, Function.identity()));

    private ConfluentKeys() {}

    public static Optional<ConfluentKey> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
