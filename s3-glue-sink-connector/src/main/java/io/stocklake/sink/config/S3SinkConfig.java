package io.stocklake.sink.config;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.LambdaValidator;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** The sink's settings: every key with its doc, default and validator, plus the checks across keys. */
public final class S3SinkConfig extends AbstractConfig {

    public static final String S3_BUCKET_NAME = "s3.bucket.name";
    public static final String S3_REGION = "s3.region";
    public static final String S3_ENDPOINT_URL = "s3.endpoint.url";
    public static final String S3_PATH_STYLE_ACCESS = "s3.path.style.access";
    public static final String S3_PART_SIZE = "s3.part.size";
    public static final String S3_SSE = "s3.sse";
    public static final String S3_VALIDATE_BUCKET = "s3.validate.bucket";
    public static final String S3_SSE_KMS_KEY_ID = "s3.sse.kms.key.id";
    public static final String S3_RETRY_MAX_ATTEMPTS = "s3.retry.max.attempts";
    public static final String S3_RETRY_BACKOFF_MS = "s3.retry.backoff.ms";
    public static final String S3_RETRY_MAX_BACKOFF_MS = "s3.retry.max.backoff.ms";
    public static final String S3_REQUEST_TIMEOUT_MS = "s3.request.timeout.ms";
    public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";

    public static final String AWS_ACCESS_KEY_ID = "aws.access.key.id";
    public static final String AWS_SECRET_ACCESS_KEY = "aws.secret.access.key";
    public static final String AWS_STS_ROLE_ARN = "aws.sts.role.arn";
    public static final String AWS_STS_ROLE_SESSION_NAME = "aws.sts.role.session.name";
    public static final String AWS_STS_ROLE_EXTERNAL_ID = "aws.sts.role.external.id";

    public static final String TOPICS_DIR = "topics.dir";
    public static final String TABLE_NAME = "table.name";
    public static final String PATH_FORMAT = "path.format";
    public static final String PARTITION_FIELDS = "partition.fields";
    public static final String PARTITION_TIME_SOURCE = "partition.time.source";
    public static final String PARTITION_TIME_FIELD = "partition.time.field";
    public static final String TIMEZONE = "timezone";

    public static final String FORMAT = "format";
    public static final String COMPRESSION = "compression";
    public static final String BEHAVIOR_ON_NULL_VALUES = "behavior.on.null.values";

    public static final String FLUSH_SIZE = "flush.size";
    public static final String ROTATE_SIZE_BYTES = "rotate.size.bytes";
    public static final String ROTATE_INTERVAL_MS = "rotate.interval.ms";
    public static final String ROTATE_SCHEDULE_INTERVAL_MS = "rotate.schedule.interval.ms";
    public static final String BUFFER_MAX_BYTES = "buffer.max.bytes";

    /** Connector-level converter keys read only to tell users early that a format needs schemas. */
    static final String VALUE_CONVERTER = "value.converter";
    static final String VALUE_CONVERTER_SCHEMAS_ENABLE = "value.converter.schemas.enable";

    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");
    private static final String GROUP_S3 = "S3";
    private static final String GROUP_AWS = "AWS credentials";
    private static final String GROUP_LAYOUT = "Object layout";
    private static final String GROUP_FORMAT = "File format";
    private static final String GROUP_ROTATION = "Rotation and memory";

    private static final int MIN_PART_SIZE = 5 * 1024 * 1024;

    public S3SinkConfig(Map<String, String> props) {
        super(configDef(), props);
        Map<String, List<String>> problems = crossCheck(props);
        if (!problems.isEmpty()) {
            Map.Entry<String, List<String>> first = problems.entrySet().iterator().next();
            throw new ConfigException(first.getKey() + ": " + first.getValue().get(0));
        }
    }

    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(S3_BUCKET_NAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                Importance.HIGH, "Bucket the files are written to.", GROUP_S3, ++order, Width.MEDIUM, "Bucket");
        def.define(S3_REGION, Type.STRING, "", Importance.MEDIUM,
                "AWS region of the bucket. Empty follows the AWS SDK's region chain (the aws.region system "
                        + "property, AWS_REGION, the profile's region, the container or instance metadata); when "
                        + "that finds none, an S3-compatible server (s3.endpoint.url) is signed for us-east-1 and "
                        + "AWS S3 is refused.", GROUP_S3, ++order, Width.SHORT, "Region");
        def.define(S3_ENDPOINT_URL, Type.STRING, "", LambdaValidator.with(S3SinkConfig::ensureHttpUrl,
                        () -> "empty or an http(s) URL"), Importance.LOW,
                "Endpoint of an S3-compatible server; empty for AWS S3 in the region.",
                GROUP_S3, ++order, Width.LONG, "Endpoint URL");
        def.define(S3_PATH_STYLE_ACCESS, Type.BOOLEAN, false, Importance.LOW,
                "Address the bucket in the path instead of the host name (most S3-compatible servers need it).",
                GROUP_S3, ++order, Width.SHORT, "Path-style access");
        def.define(S3_VALIDATE_BUCKET, Type.BOOLEAN, false, Importance.LOW,
                "Whether config validation (the REST validate endpoint and connector creation) also checks that the "
                        + "bucket exists and the credentials reach it, with one HeadBucket request; a failure is "
                        + "reported on " + S3_BUCKET_NAME + ".",
                GROUP_S3, ++order, Width.SHORT, "Check the bucket when validating");
        def.define(S3_PART_SIZE, Type.INT, 25 * 1024 * 1024, Range.atLeast(MIN_PART_SIZE), Importance.LOW,
                "Part size in bytes of multipart uploads; files smaller than this are one PUT. Each open file "
                        + "buffers up to this much before a part is sent (see buffer.max.bytes).",
                GROUP_S3, ++order, Width.SHORT, "Part size");
        def.define(S3_SSE, Type.STRING, "none", ValidString.in("none", "AES256", "aws:kms"), Importance.LOW,
                "Server-side encryption of written objects.", GROUP_S3, ++order, Width.SHORT, "SSE");
        def.define(S3_SSE_KMS_KEY_ID, Type.STRING, "", Importance.LOW,
                "KMS key for s3.sse=aws:kms; empty uses the bucket's AWS managed key.",
                GROUP_S3, ++order, Width.LONG, "SSE KMS key");
        def.define(S3_RETRY_MAX_ATTEMPTS, Type.INT, 10, Range.between(1, 100), Importance.LOW,
                "Attempts per S3 request (SDK retries with exponential backoff and full jitter on throttling "
                        + "such as 503 SlowDown, 5xx and timeouts) before the batch is retried by the task.",
                GROUP_S3, ++order, Width.SHORT, "Request attempts");
        def.define(S3_RETRY_BACKOFF_MS, Type.LONG, 200L, Range.atLeast(1), Importance.LOW,
                "Base delay of the SDK's exponential backoff between attempts.",
                GROUP_S3, ++order, Width.SHORT, "Backoff base");
        def.define(S3_RETRY_MAX_BACKOFF_MS, Type.LONG, 20_000L, Range.atLeast(1), Importance.LOW,
                "Longest delay between two attempts of one request.", GROUP_S3, ++order, Width.SHORT, "Backoff cap");
        def.define(S3_REQUEST_TIMEOUT_MS, Type.LONG, 120_000L, Range.atLeast(1000), Importance.LOW,
                "Time limit of one attempt of one S3 request (a part upload included).",
                GROUP_S3, ++order, Width.SHORT, "Attempt timeout");
        def.define(RETRY_BACKOFF_MS, Type.LONG, 5_000L, Range.atLeast(0), Importance.LOW,
                "Pause of the task before Connect redelivers records after a failed upload.",
                GROUP_S3, ++order, Width.SHORT, "Task retry backoff");

        order = 0;
        def.define(AWS_ACCESS_KEY_ID, Type.STRING, "", Importance.MEDIUM,
                "Static access key; empty uses the default AWS credentials chain (environment, profile, "
                        + "container or instance role).", GROUP_AWS, ++order, Width.MEDIUM, "Access key");
        def.define(AWS_SECRET_ACCESS_KEY, Type.PASSWORD, "", Importance.MEDIUM,
                "Secret of aws.access.key.id.", GROUP_AWS, ++order, Width.MEDIUM, "Secret key");
        def.define(AWS_STS_ROLE_ARN, Type.STRING, "", LambdaValidator.with(S3SinkConfig::ensureRoleArn,
                        () -> "empty or an IAM role ARN (arn:aws:iam::123456789012:role/name)"), Importance.LOW,
                "Role to assume with STS on top of the credentials above; empty for none.",
                GROUP_AWS, ++order, Width.LONG, "Role ARN");
        def.define(AWS_STS_ROLE_SESSION_NAME, Type.STRING, "stocklake-s3-sink", new ConfigDef.NonEmptyString(),
                Importance.LOW, "Session name when assuming aws.sts.role.arn.", GROUP_AWS, ++order, Width.MEDIUM,
                "Role session name");
        def.define(AWS_STS_ROLE_EXTERNAL_ID, Type.STRING, "", Importance.LOW,
                "External id when assuming aws.sts.role.arn; empty for none.",
                GROUP_AWS, ++order, Width.MEDIUM, "Role external id");

        order = 0;
        def.define(TOPICS_DIR, Type.STRING, "topics", LambdaValidator.with(S3SinkConfig::ensureKeyPrefix,
                        () -> "non-empty, no leading or trailing '/'"), Importance.MEDIUM,
                "Key prefix under which each table has its folder.", GROUP_LAYOUT, ++order, Width.MEDIUM,
                "Topics directory");
        def.define(TABLE_NAME, Type.STRING, "", LambdaValidator.with(S3SinkConfig::ensureTableName,
                        () -> "empty or [a-z][a-z0-9_]*, at most 255 characters"), Importance.MEDIUM,
                "Glue table (and folder) for all topics; empty names it after each topic, lowercased with "
                        + "characters other than letters, digits and '_' replaced by '_'.",
                GROUP_LAYOUT, ++order, Width.MEDIUM, "Table name");
        def.define(PATH_FORMAT, Type.STRING, "'dt'=yyyy-MM-dd/'hour'=HH",
                LambdaValidator.with(S3SinkConfig::ensurePathTemplate,
                        () -> "'key'=pattern segments joined by '/'"), Importance.MEDIUM,
                "Time partitions: Hive key and java.time pattern per level, rendered in 'timezone'.",
                GROUP_LAYOUT, ++order, Width.LONG, "Path format");
        def.define(PARTITION_FIELDS, Type.LIST, "", LambdaValidator.with(S3SinkConfig::ensurePartitionFields,
                        () -> "field names (dots for nested fields)"), Importance.MEDIUM,
                "Value fields appended as partitions after the time ones, e.g. symbol -> symbol=AAPL. The "
                        + "folder escapes values as Hive does (BRK/B -> symbol=BRK%2FB), Glue gets them as they "
                        + "are; null or empty values become __HIVE_DEFAULT_PARTITION__.",
                GROUP_LAYOUT, ++order, Width.LONG, "Partition fields");
        def.define(PARTITION_TIME_SOURCE, Type.STRING, "record", ValidString.in("field", "record", "wallclock"),
                Importance.MEDIUM, "Time that picks the time partition: a value field (partition.time.field), "
                        + "the Kafka record timestamp, or the worker clock (wallclock: not exactly-once).",
                GROUP_LAYOUT, ++order, Width.SHORT, "Time source");
        def.define(PARTITION_TIME_FIELD, Type.STRING, "", Importance.MEDIUM,
                "Value field holding the event time for partition.time.source=field: epoch milliseconds, a "
                        + "Connect Timestamp/Date or an ISO-8601 string with offset.",
                GROUP_LAYOUT, ++order, Width.MEDIUM, "Time field");
        def.define(TIMEZONE, Type.STRING, "UTC", LambdaValidator.with(S3SinkConfig::ensureZone,
                        () -> "a java.time zone id"), Importance.MEDIUM,
                "Zone in which path.format renders times and rotate.schedule.interval.ms aligns.",
                GROUP_LAYOUT, ++order, Width.SHORT, "Time zone");

        order = 0;
        def.define(FORMAT, Type.STRING, "json", ValidString.in("json", "csv", "parquet"), Importance.HIGH,
                "File format: JSON lines, CSV with a header, or Parquet. csv and parquet need values with a "
                        + "schema.", GROUP_FORMAT, ++order, Width.SHORT, "Format");
        def.define(COMPRESSION, Type.STRING, "none", ValidString.in("none", "gzip", "zstd", "snappy"),
                Importance.MEDIUM, "Compression of the files; snappy only with parquet.",
                GROUP_FORMAT, ++order, Width.SHORT, "Compression");
        def.define(BEHAVIOR_ON_NULL_VALUES, Type.STRING, "fail", ValidString.in("ignore", "fail"),
                Importance.LOW, "Records with a null value (tombstones): skip them, or treat them as bad "
                        + "records (errant record reporter when errors.tolerance=all, else the task fails).",
                GROUP_FORMAT, ++order, Width.SHORT, "Null values");

        order = 0;
        def.define(FLUSH_SIZE, Type.INT, 10_000, Range.atLeast(1), Importance.HIGH,
                "Records per file; a file reaching it closes all open files of its Kafka partition.",
                GROUP_ROTATION, ++order, Width.SHORT, "Records per file");
        def.define(ROTATE_SIZE_BYTES, Type.LONG, 128L * 1024 * 1024, Range.atLeast(1), Importance.MEDIUM,
                "Encoded bytes per file; a file reaching it closes all open files of its Kafka partition.",
                GROUP_ROTATION, ++order, Width.SHORT, "Bytes per file");
        def.define(ROTATE_INTERVAL_MS, Type.LONG, -1L, LambdaValidator.with(S3SinkConfig::ensureDisabledOrPositive,
                        () -> "-1 or > 0"), Importance.MEDIUM,
                "Largest span of partition time in the open files of a Kafka partition: a record this much "
                        + "later than the first one closes them first. -1 disables.",
                GROUP_ROTATION, ++order, Width.SHORT, "Time span");
        def.define(ROTATE_SCHEDULE_INTERVAL_MS, Type.LONG, -1L,
                LambdaValidator.with(S3SinkConfig::ensureDisabledOrPositive, () -> "-1 or > 0"), Importance.MEDIUM,
                "Wall-clock rotation for freshness: open files close at the next multiple of this interval "
                        + "(aligned in 'timezone'), also without new records. Checked on every put, so "
                        + "the worker's offset.flush.interval.ms bounds the lateness. -1 disables.",
                GROUP_ROTATION, ++order, Width.SHORT, "Schedule");
        def.define(BUFFER_MAX_BYTES, Type.LONG, 256L * 1024 * 1024, Range.atLeast(1024 * 1024), Importance.MEDIUM,
                "Bound on the bytes the task holds in memory over all open files (encoded data not yet sent, "
                        + "upload buffers, and each open writer's own encoders and column writers); when "
                        + "reached, the Kafka partition holding most closes its files early.",
                GROUP_ROTATION, ++order, Width.SHORT, "Memory bound");

        GlueConfigDef.addTo(def);
        return def;
    }

    /**
     * Problems that involve more than one key (or a converter key), by the key to report them on. Empty when
     * the combination is fine; single-key problems are left to the ConfigDef validators.
     */
    public static Map<String, List<String>> crossCheck(Map<String, String> props) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        String format = props.getOrDefault(FORMAT, "json");
        String compression = props.getOrDefault(COMPRESSION, "none");
        if ("snappy".equals(compression) && !"parquet".equals(format)) {
            add(problems, COMPRESSION, "snappy is only available with format=parquet; text formats take gzip or zstd");
        }
        if (("csv".equals(format) || "parquet".equals(format))) {
            String converterProblem = schemalessConverter(props);
            if (converterProblem != null) {
                add(problems, FORMAT, "format=" + format + " needs record values with a schema, but "
                        + converterProblem + "; use org.apache.kafka.connect.json.JsonConverter with "
                        + VALUE_CONVERTER_SCHEMAS_ENABLE + "=true or a schema-registry converter "
                        + "(Avro, Protobuf, JSON Schema), or format=json");
            }
        } else if (textOrBytesConverter(props)) {
            // A JSON line is an object: text and bytes values would all end up as bad records at run time.
            add(problems, FORMAT, "format=" + format + " writes each value as a JSON object, but "
                    + VALUE_CONVERTER + "=" + props.get(VALUE_CONVERTER).trim() + " gives plain text or bytes; use "
                    + "org.apache.kafka.connect.json.JsonConverter (with or without schemas) or a schema-registry "
                    + "converter");
        }
        String timeSource = props.getOrDefault(PARTITION_TIME_SOURCE, "record");
        if ("field".equals(timeSource) && blank(props.get(PARTITION_TIME_FIELD))) {
            add(problems, PARTITION_TIME_FIELD, "is required when " + PARTITION_TIME_SOURCE + "=field");
        }
        if (!blank(props.get(AWS_STS_ROLE_EXTERNAL_ID)) && blank(props.get(AWS_STS_ROLE_ARN))) {
            add(problems, AWS_STS_ROLE_EXTERNAL_ID, "is only used with " + AWS_STS_ROLE_ARN);
        }
        if (!blank(props.get(S3_SSE_KMS_KEY_ID)) && !"aws:kms".equals(props.get(S3_SSE))) {
            add(problems, S3_SSE_KMS_KEY_ID, "is only used with " + S3_SSE + "=aws:kms");
        }
        boolean hasKeyId = !blank(props.get(AWS_ACCESS_KEY_ID));
        boolean hasSecret = !blank(props.get(AWS_SECRET_ACCESS_KEY));
        if (hasKeyId && !hasSecret) {
            add(problems, AWS_SECRET_ACCESS_KEY, "is required with " + AWS_ACCESS_KEY_ID);
        } else if (hasSecret && !hasKeyId) {
            add(problems, AWS_ACCESS_KEY_ID, "is required with " + AWS_SECRET_ACCESS_KEY);
        }
        Long base = parseLong(props.get(S3_RETRY_BACKOFF_MS));
        Long cap = parseLong(props.get(S3_RETRY_MAX_BACKOFF_MS));
        if (base != null && cap != null && cap < base) {
            add(problems, S3_RETRY_MAX_BACKOFF_MS, "must be at least " + S3_RETRY_BACKOFF_MS + " (" + base + ")");
        }
        Set<String> timeKeys = timeKeys(props.get(PATH_FORMAT));
        for (String field : partitionFields(props.get(PARTITION_FIELDS))) {
            String key = partitionKeyOf(field);
            if (!timeKeys.add(key)) {
                add(problems, PARTITION_FIELDS, "field " + field + " gives partition key " + key
                        + " which is already used (path.format or an earlier field)");
            }
        }
        GlueConfigDef.crossCheck(props).forEach((key, messages) -> messages.forEach(m -> add(problems, key, m)));
        return problems;
    }

    /** The Hive partition key of a partition field: its last path element, lowercased. */
    public static String partitionKeyOf(String field) {
        String leaf = field.substring(field.lastIndexOf('.') + 1);
        return leaf.toLowerCase(Locale.ROOT);
    }

    private static boolean textOrBytesConverter(Map<String, String> props) {
        String converter = props.get(VALUE_CONVERTER);
        return converter != null && (converter.trim().equals("org.apache.kafka.connect.storage.StringConverter")
                || converter.trim().equals("org.apache.kafka.connect.converters.ByteArrayConverter"));
    }

    private static String schemalessConverter(Map<String, String> props) {
        String converter = props.get(VALUE_CONVERTER);
        if (blank(converter)) {
            return null;
        }
        converter = converter.trim();
        if (converter.equals("org.apache.kafka.connect.storage.StringConverter")
                || converter.equals("org.apache.kafka.connect.converters.ByteArrayConverter")) {
            return VALUE_CONVERTER + "=" + converter + " gives values without one";
        }
        if (converter.equals("org.apache.kafka.connect.json.JsonConverter")
                && "false".equalsIgnoreCase(String.valueOf(props.get(VALUE_CONVERTER_SCHEMAS_ENABLE)).trim())) {
            return VALUE_CONVERTER + "=" + converter + " with " + VALUE_CONVERTER_SCHEMAS_ENABLE
                    + "=false gives values without one";
        }
        return null;
    }

    private static Set<String> timeKeys(String pathFormat) {
        try {
            return new HashSet<>(PathTemplate.parse(pathFormat == null ? "'dt'=yyyy-MM-dd/'hour'=HH" : pathFormat)
                    .keys());
        } catch (IllegalArgumentException e) {
            return new HashSet<>(); // reported by the path.format validator
        }
    }

    private static List<String> partitionFields(String value) {
        List<String> fields = new ArrayList<>();
        if (value != null) {
            for (String field : value.split(",")) {
                if (!field.isBlank()) {
                    fields.add(field.trim());
                }
            }
        }
        return fields;
    }

    private static void add(Map<String, List<String>> problems, String key, String message) {
        problems.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Long parseLong(String value) {
        try {
            return value == null ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A typo in the role surfaces here rather than as an STS error in every task. */
    private static void ensureRoleArn(String name, Object value) {
        String arn = (String) value;
        if (arn != null && !arn.isEmpty() && !ROLE_ARN.matcher(arn).matches()) {
            throw new ConfigException(name, value, "is not an IAM role ARN such as arn:aws:iam::123456789012:role/name");
        }
    }

    private static void ensureHttpUrl(String name, Object value) {
        String url = (String) value;
        if (url == null || url.isEmpty()) {
            return;
        }
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ConfigException(name, value, "must be an http or https URL with a host");
            }
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException(name, value, "is not a URL: " + e.getMessage());
        }
    }

    private static void ensureKeyPrefix(String name, Object value) {
        String prefix = (String) value;
        if (prefix == null || prefix.isEmpty() || prefix.startsWith("/") || prefix.endsWith("/")
                || prefix.contains("//")) {
            throw new ConfigException(name, value, "must be a non-empty key prefix without leading, trailing or "
                    + "doubled '/'");
        }
    }

    private static void ensureTableName(String name, Object value) {
        String table = (String) value;
        if (table != null && !table.isEmpty() && !TableNaming.isValid(table)) {
            throw new ConfigException(name, value, "must start with a lowercase letter and contain only lowercase "
                    + "letters, digits and '_' (at most 255 characters), as Glue and Athena expect");
        }
    }

    private static void ensurePathTemplate(String name, Object value) {
        try {
            PathTemplate.parse((String) value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    private static void ensurePartitionFields(String name, Object value) {
        @SuppressWarnings("unchecked")
        List<String> fields = (List<String>) value;
        for (String field : fields) {
            if (!field.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
                throw new ConfigException(name, value, "field \"" + field + "\" is not a field name "
                        + "(letters, digits, '_', dots between nested names)");
            }
        }
    }

    private static void ensureZone(String name, Object value) {
        try {
            ZoneId.of((String) value);
        } catch (RuntimeException e) {
            throw new ConfigException(name, value, "is not a time zone id: " + e.getMessage());
        }
    }

    private static void ensureDisabledOrPositive(String name, Object value) {
        long v = (Long) value;
        if (v != -1 && v <= 0) {
            throw new ConfigException(name, value, "must be -1 (disabled) or positive");
        }
    }

    public String bucket() {
        return getString(S3_BUCKET_NAME);
    }

    /** The configured region; empty: the AWS SDK's region chain decides. */
    public String region() {
        return getString(S3_REGION).trim();
    }

    public String endpointUrl() {
        return getString(S3_ENDPOINT_URL);
    }

    public boolean pathStyleAccess() {
        return getBoolean(S3_PATH_STYLE_ACCESS);
    }

    public boolean validateBucket() {
        return getBoolean(S3_VALIDATE_BUCKET);
    }

    public int partSize() {
        return getInt(S3_PART_SIZE);
    }

    public String sse() {
        return getString(S3_SSE);
    }

    public String sseKmsKeyId() {
        return getString(S3_SSE_KMS_KEY_ID);
    }

    public int retryMaxAttempts() {
        return getInt(S3_RETRY_MAX_ATTEMPTS);
    }

    public Duration retryBackoff() {
        return Duration.ofMillis(getLong(S3_RETRY_BACKOFF_MS));
    }

    public Duration retryMaxBackoff() {
        return Duration.ofMillis(getLong(S3_RETRY_MAX_BACKOFF_MS));
    }

    public Duration requestTimeout() {
        return Duration.ofMillis(getLong(S3_REQUEST_TIMEOUT_MS));
    }

    public long taskRetryBackoffMs() {
        return getLong(RETRY_BACKOFF_MS);
    }

    public String accessKeyId() {
        return getString(AWS_ACCESS_KEY_ID);
    }

    public Password secretAccessKey() {
        return getPassword(AWS_SECRET_ACCESS_KEY);
    }

    public String stsRoleArn() {
        return getString(AWS_STS_ROLE_ARN);
    }

    public String stsRoleSessionName() {
        return getString(AWS_STS_ROLE_SESSION_NAME);
    }

    public String stsRoleExternalId() {
        return getString(AWS_STS_ROLE_EXTERNAL_ID);
    }

    public String topicsDir() {
        return getString(TOPICS_DIR);
    }

    public TableNaming tableNaming() {
        return new TableNaming(getString(TABLE_NAME));
    }

    public PathTemplate pathTemplate() {
        return PathTemplate.parse(getString(PATH_FORMAT));
    }

    public List<String> partitionFields() {
        return getList(PARTITION_FIELDS);
    }

    public TimeSource timeSource() {
        return TimeSource.parse(getString(PARTITION_TIME_SOURCE));
    }

    public String timeField() {
        return getString(PARTITION_TIME_FIELD);
    }

    public ZoneId timezone() {
        return ZoneId.of(getString(TIMEZONE));
    }

    public String format() {
        return getString(FORMAT);
    }

    public String compression() {
        return getString(COMPRESSION);
    }

    public NullValueBehavior nullValueBehavior() {
        return NullValueBehavior.parse(getString(BEHAVIOR_ON_NULL_VALUES));
    }

    public int flushSize() {
        return getInt(FLUSH_SIZE);
    }

    public long rotateSizeBytes() {
        return getLong(ROTATE_SIZE_BYTES);
    }

    public long rotateIntervalMs() {
        return getLong(ROTATE_INTERVAL_MS);
    }

    public long rotateScheduleIntervalMs() {
        return getLong(ROTATE_SCHEDULE_INTERVAL_MS);
    }

    public long bufferMaxBytes() {
        return getLong(BUFFER_MAX_BYTES);
    }

    public GlueSettings glue() {
        return GlueConfigDef.settings(this, region());
    }
}
