package io.stocklake.compaction.config;

import io.stocklake.compaction.rewrite.ParquetRewriter;
import io.stocklake.compaction.swap.CompactionTimes;
import io.stocklake.sink.config.PathTemplate;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.LambdaValidator;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The compaction connector's settings. The storage, layout and Glue keys carry the sink's names and must hold the
 * sink's values: compaction reads the folders the sink writes and the partitions it registers.
 */
public final class CompactionConfig extends AbstractConfig {

    public static final String S3_BUCKET_NAME = "s3.bucket.name";
    public static final String S3_REGION = "s3.region";
    public static final String S3_ENDPOINT_URL = "s3.endpoint.url";
    public static final String S3_PATH_STYLE_ACCESS = "s3.path.style.access";
    public static final String AWS_ACCESS_KEY_ID = "aws.access.key.id";
    public static final String AWS_SECRET_ACCESS_KEY = "aws.secret.access.key";
    public static final String TOPICS_DIR = "topics.dir";
    public static final String PATH_FORMAT = "path.format";
    public static final String TIMEZONE = "timezone";
    public static final String GLUE_DATABASE = "glue.database";
    public static final String GLUE_CATALOG_ID = "glue.catalog.id";
    public static final String GLUE_REGION = "glue.region";
    public static final String GLUE_ENDPOINT_URL = "glue.endpoint.url";

    public static final String TABLES = "compaction.tables";
    public static final String INTERVAL_MS = "compaction.interval.ms";
    public static final String CLOSED_GRACE_MS = "compaction.closed.grace.ms";
    public static final String MIN_FILES = "compaction.min.files";
    public static final String OPEN_MIN_FILES = "compaction.open.min.files";
    public static final String TARGET_FILE_BYTES = "compaction.target.file.bytes";
    public static final String ROW_GROUP_BYTES = "compaction.row.group.bytes";
    public static final String SORT_COLUMNS = "compaction.sort.columns";
    public static final String RETENTION_GRACE_MS = "compaction.retention.grace.ms";
    public static final String CLAIM_TIMEOUT_MS = "compaction.claim.timeout.ms";
    /** Set by the connector for each task: which share of the partitions it compacts. */
    public static final String TASK_INDEX = "compaction.task.index";

    public static final String TASK_COUNT = "compaction.task.count";

    public static final String DEFAULT_PATH_FORMAT = "'dt'=yyyy-MM-dd/'hour'=HH";
    public static final long DEFAULT_TARGET_FILE_BYTES = 128L * 1024 * 1024;
    public static final long DEFAULT_RETENTION_GRACE_MS = Duration.ofMinutes(30).toMillis();

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,254}");
    private static final Pattern COLUMN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String HTTP_URL = "empty or an http(s) URL";
    private static final String GROUP_LAKE = "The sink's lake (same values as the sink)";
    private static final String GROUP_COMPACTION = "Compaction";
    private static final String GROUP_TASK = "Set by the connector for each task";

    public CompactionConfig(Map<String, String> props) {
        super(configDef(), props);
    }

    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(
                S3_BUCKET_NAME,
                Type.STRING,
                ConfigDef.NO_DEFAULT_VALUE,
                new ConfigDef.NonEmptyString(),
                Importance.HIGH,
                "Bucket the sink writes to.",
                GROUP_LAKE,
                ++order,
                Width.MEDIUM,
                "Bucket");
        def.define(
                S3_REGION,
                Type.STRING,
                "",
                Importance.MEDIUM,
                "AWS region of the bucket; empty follows the AWS "
                        + "SDK's region chain, or us-east-1 with an endpoint URL.",
                GROUP_LAKE,
                ++order,
                Width.SHORT,
                "Region");
        def.define(
                S3_ENDPOINT_URL,
                Type.STRING,
                "",
                checked(CompactionConfig::ensureHttpUrl, HTTP_URL),
                Importance.LOW,
                "Endpoint of an S3-compatible server; empty for AWS S3. The server must enforce "
                        + "conditional writes (If-Match, If-None-Match).",
                GROUP_LAKE,
                ++order,
                Width.LONG,
                "S3 endpoint URL");
        def.define(
                S3_PATH_STYLE_ACCESS,
                Type.BOOLEAN,
                false,
                Importance.LOW,
                "Address the bucket in the path instead of the host name.",
                GROUP_LAKE,
                ++order,
                Width.SHORT,
                "Path-style access");
        def.define(
                AWS_ACCESS_KEY_ID,
                Type.STRING,
                "",
                Importance.MEDIUM,
                "Static access key; empty uses the " + "default AWS credentials chain.",
                GROUP_LAKE,
                ++order,
                Width.MEDIUM,
                "Access key");
        def.define(
                AWS_SECRET_ACCESS_KEY,
                Type.PASSWORD,
                "",
                Importance.MEDIUM,
                "Secret of aws.access.key.id.",
                GROUP_LAKE,
                ++order,
                Width.MEDIUM,
                "Secret key");
        def.define(
                TOPICS_DIR,
                Type.STRING,
                "topics",
                checked(CompactionConfig::ensureKeyPrefix, "non-empty, no leading or trailing '/'"),
                Importance.MEDIUM,
                "Key prefix under which each table has its folder (the sink's topics.dir).",
                GROUP_LAKE,
                ++order,
                Width.MEDIUM,
                "Topics directory");
        def.define(
                PATH_FORMAT,
                Type.STRING,
                DEFAULT_PATH_FORMAT,
                checked(CompactionConfig::ensureTemplate, "the sink's path.format"),
                Importance.MEDIUM,
                "The sink's path.format: its time levels tell when a partition ends.",
                GROUP_LAKE,
                ++order,
                Width.MEDIUM,
                "Path format");
        def.define(
                TIMEZONE,
                Type.STRING,
                "UTC",
                checked(CompactionConfig::ensureZone, "a time zone id"),
                Importance.LOW,
                "The sink's timezone.",
                GROUP_LAKE,
                ++order,
                Width.SHORT,
                "Time zone");
        def.define(
                GLUE_DATABASE,
                Type.STRING,
                ConfigDef.NO_DEFAULT_VALUE,
                new ConfigDef.NonEmptyString(),
                Importance.HIGH,
                "Glue database of the sink's tables.",
                GROUP_LAKE,
                ++order,
                Width.MEDIUM,
                "Database");
        def.define(
                GLUE_CATALOG_ID,
                Type.STRING,
                "",
                Importance.LOW,
                "Glue catalog (account) id; empty for the " + "credentials' own.",
                GROUP_LAKE,
                ++order,
                Width.MEDIUM,
                "Catalog id");
        def.define(
                GLUE_REGION,
                Type.STRING,
                "",
                Importance.LOW,
                "Glue region; empty uses " + S3_REGION + ".",
                GROUP_LAKE,
                ++order,
                Width.SHORT,
                "Glue region");
        def.define(
                GLUE_ENDPOINT_URL,
                Type.STRING,
                "",
                checked(CompactionConfig::ensureHttpUrl, HTTP_URL),
                Importance.LOW,
                "Endpoint of a Glue-compatible server; empty for AWS Glue.",
                GROUP_LAKE,
                ++order,
                Width.LONG,
                "Glue endpoint URL");

        order = 0;
        def.define(
                TABLES,
                Type.LIST,
                ConfigDef.NO_DEFAULT_VALUE,
                checked(CompactionConfig::ensureTables, "one or more table names, [a-z][a-z0-9_]*"),
                Importance.HIGH,
                "The sink's tables to compact (Parquet tables registered partition by partition, not by projection).",
                GROUP_COMPACTION,
                ++order,
                Width.LONG,
                "Tables");
        def.define(
                INTERVAL_MS,
                Type.LONG,
                Duration.ofMinutes(5).toMillis(),
                Range.atLeast(100),
                Importance.MEDIUM,
                "Pause between two passes of a task over its share of the partitions.",
                GROUP_COMPACTION,
                ++order,
                Width.SHORT,
                "Pass interval");
        def.define(
                CLOSED_GRACE_MS,
                Type.LONG,
                Duration.ofMinutes(10).toMillis(),
                Range.atLeast(0),
                Importance.MEDIUM,
                "A partition is compacted once the table holds a partition starting this long "
                        + "after its end (record time): late records mostly arrive before.",
                GROUP_COMPACTION,
                ++order,
                Width.SHORT,
                "Closed grace");
        def.define(
                MIN_FILES,
                Type.INT,
                2,
                Range.atLeast(1),
                Importance.LOW,
                "The fewest sink files worth "
                        + "compacting in a partition never compacted; once compacted, any new file is folded in.",
                GROUP_COMPACTION,
                ++order,
                Width.SHORT,
                "Minimum files");
        def.define(
                OPEN_MIN_FILES,
                Type.INT,
                0,
                Range.atLeast(0),
                Importance.MEDIUM,
                "Partitions not closed yet (the sink still writes into them) are compacted once this many of their "
                        + "landed files are not folded yet; the newest files stay as they are until then. 0 leaves "
                        + "them to the sink until they close. Needs a sink of this version: it copies each file "
                        + "of a compacted partition where readers look.",
                GROUP_COMPACTION,
                ++order,
                Width.SHORT,
                "Open partition minimum files");
        def.define(
                TARGET_FILE_BYTES,
                Type.LONG,
                DEFAULT_TARGET_FILE_BYTES,
                Range.atLeast(1024),
                Importance.MEDIUM,
                "Size of the files compaction writes. Each is sorted in memory: a task needs heap for about ten "
                        + "times this in decoded rows.",
                GROUP_COMPACTION,
                ++order,
                Width.SHORT,
                "Target file size");
        def.define(
                ROW_GROUP_BYTES,
                Type.LONG,
                32L * 1024 * 1024,
                Range.atLeast(1024),
                Importance.LOW,
                "Parquet row group size of the compacted files.",
                GROUP_COMPACTION,
                ++order,
                Width.SHORT,
                "Row group size");
        def.define(
                SORT_COLUMNS,
                Type.LIST,
                "symbol,event_time",
                checked(CompactionConfig::ensureColumns, "column names"),
                Importance.MEDIUM,
                "Columns the rows of each compacted file are sorted by, so Parquet row-group statistics let queries "
                        + "skip what they filter out; empty keeps input order.",
                GROUP_COMPACTION,
                ++order,
                Width.LONG,
                "Sort columns");
        def.define(
                RETENTION_GRACE_MS,
                Type.LONG,
                DEFAULT_RETENTION_GRACE_MS,
                Range.atLeast(0),
                Importance.MEDIUM,
                "How long replaced files stay after the swap; longer than the longest query, which may have listed "
                        + "them before it (Athena's DML timeout is 30 minutes by default).",
                GROUP_COMPACTION,
                ++order,
                Width.SHORT,
                "Retention grace");
        def.define(
                CLAIM_TIMEOUT_MS,
                Type.LONG,
                Duration.ofMinutes(15).toMillis(),
                Range.atLeast(1000),
                Importance.LOW,
                "A compaction claimed this long ago and not finished is taken over by another task "
                        + "(its own died): longer than one partition takes.",
                GROUP_COMPACTION,
                ++order,
                Width.SHORT,
                "Claim timeout");
        order = 0;
        def.define(
                TASK_INDEX,
                Type.INT,
                0,
                Range.atLeast(0),
                Importance.LOW,
                "Which share of the partitions the " + "task compacts; the connector sets it.",
                GROUP_TASK,
                ++order,
                Width.SHORT,
                "Task index");
        def.define(
                TASK_COUNT,
                Type.INT,
                1,
                Range.atLeast(1),
                Importance.LOW,
                "Into how many shares the partitions " + "are split; the connector sets it to tasks.max.",
                GROUP_TASK,
                ++order,
                Width.SHORT,
                "Task count");
        return def;
    }

    public String bucket() {
        return getString(S3_BUCKET_NAME);
    }

    public String s3Region() {
        return getString(S3_REGION);
    }

    public String s3EndpointUrl() {
        return getString(S3_ENDPOINT_URL);
    }

    public boolean pathStyleAccess() {
        return getBoolean(S3_PATH_STYLE_ACCESS);
    }

    public String accessKeyId() {
        return getString(AWS_ACCESS_KEY_ID);
    }

    public Password secretAccessKey() {
        return getPassword(AWS_SECRET_ACCESS_KEY);
    }

    public String topicsDir() {
        return getString(TOPICS_DIR);
    }

    public PathTemplate pathTemplate() {
        return PathTemplate.parse(getString(PATH_FORMAT));
    }

    public ZoneId zone() {
        return ZoneId.of(getString(TIMEZONE));
    }

    public String glueDatabase() {
        return getString(GLUE_DATABASE);
    }

    public String glueCatalogId() {
        return getString(GLUE_CATALOG_ID);
    }

    public String glueRegion() {
        return getString(GLUE_REGION).isBlank() ? s3Region() : getString(GLUE_REGION);
    }

    public String glueEndpointUrl() {
        return getString(GLUE_ENDPOINT_URL);
    }

    public List<String> tables() {
        return getList(TABLES);
    }

    public Duration interval() {
        return Duration.ofMillis(getLong(INTERVAL_MS));
    }

    public Duration closedGrace() {
        return Duration.ofMillis(getLong(CLOSED_GRACE_MS));
    }

    /** How many landed files not folded yet make an open partition worth compacting; 0 for never. */
    public int openMinFiles() {
        return getInt(OPEN_MIN_FILES);
    }

    public CompactionTimes times() {
        return new CompactionTimes(
                getInt(MIN_FILES),
                Duration.ofMillis(getLong(RETENTION_GRACE_MS)),
                Duration.ofMillis(getLong(CLAIM_TIMEOUT_MS)));
    }

    public ParquetRewriter.Output output() {
        return new ParquetRewriter.Output(getLong(TARGET_FILE_BYTES), getLong(ROW_GROUP_BYTES), getList(SORT_COLUMNS));
    }

    public int taskIndex() {
        return getInt(TASK_INDEX);
    }

    public int taskCount() {
        return getInt(TASK_COUNT);
    }

    /** A validator that refuses, naming the key, every value {@code test} rejects. */
    private static ConfigDef.Validator checked(java.util.function.BiPredicate<String, Object> test, String valid) {
        return LambdaValidator.with(
                (name, value) -> {
                    if (!test.test(name, value)) {
                        throw new ConfigException(name, value, "expected " + valid);
                    }
                },
                () -> valid);
    }

    private static boolean ensureHttpUrl(String name, Object value) {
        String url = (String) value;
        return url == null || url.isEmpty() || url.startsWith("http://") || url.startsWith("https://");
    }

    private static boolean ensureKeyPrefix(String name, Object value) {
        String prefix = (String) value;
        return prefix != null && !prefix.isEmpty() && !prefix.startsWith("/") && !prefix.endsWith("/");
    }

    private static boolean ensureTemplate(String name, Object value) {
        try {
            PathTemplate.parse((String) value);
            return true;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    private static boolean ensureZone(String name, Object value) {
        try {
            ZoneId.of((String) value);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean ensureTables(String name, Object value) {
        List<String> tables = (List<String>) value;
        return tables != null
                && !tables.isEmpty()
                && tables.stream().allMatch(t -> TABLE_NAME.matcher(t).matches());
    }

    @SuppressWarnings("unchecked")
    private static boolean ensureColumns(String name, Object value) {
        List<String> columns = (List<String>) value;
        return columns != null
                && columns.stream().allMatch(c -> COLUMN_NAME.matcher(c).matches());
    }
}
