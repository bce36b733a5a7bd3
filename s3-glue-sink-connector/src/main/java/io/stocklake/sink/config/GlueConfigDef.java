package io.stocklake.sink.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/** The {@code glue.*} keys: the Glue Data Catalog the sink registers its tables and partitions in. */
public final class GlueConfigDef {

    public static final String GLUE_ENABLED = "glue.enabled";
    public static final String GLUE_DATABASE = "glue.database";
    public static final String GLUE_TABLE = "glue.table";
    public static final String GLUE_CATALOG_ID = "glue.catalog.id";
    public static final String GLUE_REGION = "glue.region";
    public static final String GLUE_ENDPOINT_URL = "glue.endpoint.url";
    public static final String GLUE_TABLE_AUTO_CREATE = "glue.table.auto.create";
    public static final String GLUE_PARTITION_REGISTRATION = "glue.partition.registration";
    public static final String GLUE_PARTITION_PROJECTION_ENABLED = "glue.partition.projection.enabled";
    public static final String GLUE_PARTITION_PROJECTION_DATE_RANGE = "glue.partition.projection.date.range";
    public static final String GLUE_PARTITION_CACHE_SIZE = "glue.partition.cache.size";
    public static final String GLUE_PARTITION_CACHE_TTL_MS = "glue.partition.cache.ttl.ms";
    public static final String GLUE_RETRY_MAX_ATTEMPTS = "glue.retry.max.attempts";
    public static final String GLUE_RETRY_BACKOFF_MS = "glue.retry.backoff.ms";
    public static final String GLUE_RETRY_MAX_BACKOFF_MS = "glue.retry.max.backoff.ms";

    private static final String GROUP = "Glue Data Catalog";
    /** Glue database names: lowercase letters, digits and underscores, as Athena expects them. */
    private static final Pattern DATABASE = Pattern.compile("[a-z0-9_]{1,255}");
    /** Athena's relative dates, e.g. NOW-3YEARS, or a literal in the partition key's own format. */
    private static final Pattern RANGE_END = Pattern.compile(
            "\\s*NOW\\s*([+-]\\s*[0-9]+\\s*(YEARS?|MONTHS?|WEEKS?|DAYS?|HOURS?|MINUTES?|SECONDS?)\\s*)?|[^,]+");

    private GlueConfigDef() {
    }

    /** Defines the {@code glue.*} keys in {@code def}. */
    public static void addTo(ConfigDef def) {
        int order = 0;
        def.define(GLUE_ENABLED, Type.BOOLEAN, true, Importance.HIGH,
                "Register tables and partitions in the Glue Data Catalog; false writes to S3 only.",
                GROUP, ++order, Width.SHORT, "Glue enabled");
        def.define(GLUE_DATABASE, Type.STRING, "default", LambdaValidator.with(GlueConfigDef::ensureDatabase,
                        () -> "[a-z0-9_]{1,255}"), Importance.HIGH,
                "Glue database of the tables; created when missing and glue.table.auto.create=true.",
                GROUP, ++order, Width.MEDIUM, "Database");
        def.define(GLUE_TABLE, Type.STRING, "", LambdaValidator.with(GlueConfigDef::ensureTable,
                        () -> "empty or [a-z][a-z0-9_]*, at most 255 characters"), Importance.MEDIUM,
                "Glue table name; empty uses the sink's table name (table.name, else the topic made a valid "
                        + "name). Only for a sink that writes one table.",
                GROUP, ++order, Width.MEDIUM, "Table");
        def.define(GLUE_CATALOG_ID, Type.STRING, "", LambdaValidator.with(GlueConfigDef::ensureCatalogId,
                        () -> "empty or a 12-digit account id"), Importance.LOW,
                "Account id of the Data Catalog; empty uses the catalog of the credentials' account.",
                GROUP, ++order, Width.MEDIUM, "Catalog id");
        def.define(GLUE_REGION, Type.STRING, "", Importance.MEDIUM,
                "Region of the Data Catalog; empty uses s3.region (and, when that is empty too, the AWS SDK's "
                        + "region chain).", GROUP, ++order, Width.SHORT, "Region");
        def.define(GLUE_ENDPOINT_URL, Type.STRING, "", LambdaValidator.with(GlueConfigDef::ensureHttpUrl,
                        () -> "empty or an http(s) URL"), Importance.LOW,
                "Endpoint of a Glue-compatible catalog; empty for AWS Glue in the region. Credentials are the "
                        + "aws.* ones the S3 client uses.",
                GROUP, ++order, Width.LONG, "Endpoint URL");
        def.define(GLUE_TABLE_AUTO_CREATE, Type.BOOLEAN, true, Importance.MEDIUM,
                "Create the database and an EXTERNAL_TABLE from the record schema when missing, and append "
                        + "new fields as columns. false: the table must exist; it is only checked.",
                GROUP, ++order, Width.SHORT, "Auto-create table");
        def.define(GLUE_PARTITION_REGISTRATION, Type.BOOLEAN, true, Importance.MEDIUM,
                "Register each partition a file lands in (BatchCreatePartition) before its offsets are "
                        + "committed. false leaves partitions to projection, crawlers or MSCK REPAIR.",
                GROUP, ++order, Width.SHORT, "Register partitions");
        def.define(GLUE_PARTITION_PROJECTION_ENABLED, Type.BOOLEAN, false, Importance.MEDIUM,
                "Declare Athena partition projection (projection.* and storage.location.template table "
                        + "parameters) on tables the sink creates: Athena then computes partitions from the "
                        + "query instead of reading them from the catalog.",
                GROUP, ++order, Width.SHORT, "Partition projection");
        def.define(GLUE_PARTITION_PROJECTION_DATE_RANGE, Type.STRING, "NOW-1YEARS,NOW",
                LambdaValidator.with(GlueConfigDef::ensureRange, () -> "<start>,<end> (dates or NOW[+-]N<UNIT>)"),
                Importance.LOW, "projection.<key>.range of date-projected partition keys: two dates in the "
                        + "key's path.format pattern, or Athena's relative NOW-3YEARS style.",
                GROUP, ++order, Width.MEDIUM, "Projection date range");
        def.define(GLUE_PARTITION_CACHE_SIZE, Type.INT, 10_000, Range.atLeast(1), Importance.LOW,
                "Partitions each task remembers as registered (least recently used dropped first); files "
                        + "into a remembered partition cost no Glue call.",
                GROUP, ++order, Width.SHORT, "Partition cache size");
        def.define(GLUE_PARTITION_CACHE_TTL_MS, Type.LONG, 60_000L, Range.atLeast(0), Importance.LOW,
                "How long a task trusts a remembered partition: the next file into it after this looks it up "
                        + "again (one BatchGetPartition for all such partitions of a batch), and registers it again "
                        + "if it was dropped outside the sink. Bounds how long records stay invisible to queries "
                        + "after such a drop; 0 looks up on every file.",
                GROUP, ++order, Width.SHORT, "Partition cache TTL");
        def.define(GLUE_RETRY_MAX_ATTEMPTS, Type.INT, 8, Range.between(1, 100), Importance.LOW,
                "Attempts per Glue request (SDK retries with exponential backoff and full jitter on "
                        + "ThrottlingException, 5xx and timeouts) before the batch is retried by the task.",
                GROUP, ++order, Width.SHORT, "Request attempts");
        def.define(GLUE_RETRY_BACKOFF_MS, Type.LONG, 200L, Range.atLeast(1), Importance.LOW,
                "Base delay of the SDK's exponential backoff between Glue attempts.",
                GROUP, ++order, Width.SHORT, "Backoff base");
        def.define(GLUE_RETRY_MAX_BACKOFF_MS, Type.LONG, 20_000L, Range.atLeast(1), Importance.LOW,
                "Longest delay between two attempts of one Glue request.", GROUP, ++order, Width.SHORT,
                "Backoff cap");
    }

    /** The parsed settings; {@code s3Region} stands in for an empty {@code glue.region}. */
    public static GlueSettings settings(AbstractConfig config, String s3Region) {
        String region = config.getString(GLUE_REGION).trim();
        return new GlueSettings(config.getBoolean(GLUE_ENABLED), config.getString(GLUE_DATABASE),
                config.getString(GLUE_TABLE), config.getString(GLUE_CATALOG_ID),
                region.isEmpty() ? s3Region : region, config.getString(GLUE_ENDPOINT_URL),
                config.getBoolean(GLUE_TABLE_AUTO_CREATE), config.getBoolean(GLUE_PARTITION_REGISTRATION),
                config.getBoolean(GLUE_PARTITION_PROJECTION_ENABLED),
                config.getString(GLUE_PARTITION_PROJECTION_DATE_RANGE).trim(),
                config.getInt(GLUE_PARTITION_CACHE_SIZE), Duration.ofMillis(config.getLong(GLUE_PARTITION_CACHE_TTL_MS)),
                config.getInt(GLUE_RETRY_MAX_ATTEMPTS),
                Duration.ofMillis(config.getLong(GLUE_RETRY_BACKOFF_MS)),
                Duration.ofMillis(config.getLong(GLUE_RETRY_MAX_BACKOFF_MS)));
    }

    /** Problems across keys, by the key to report them on; empty when the combination is fine. */
    public static Map<String, List<String>> crossCheck(Map<String, String> props) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        if (!"false".equalsIgnoreCase(String.valueOf(props.get(GLUE_ENABLED)).trim())) {
            boolean projection = "true".equalsIgnoreCase(
                    String.valueOf(props.get(GLUE_PARTITION_PROJECTION_ENABLED)).trim());
            boolean registration = !"false".equalsIgnoreCase(
                    String.valueOf(props.get(GLUE_PARTITION_REGISTRATION)).trim());
            boolean autoCreate = !"false".equalsIgnoreCase(
                    String.valueOf(props.get(GLUE_TABLE_AUTO_CREATE)).trim());
            if (projection && !autoCreate) {
                add(problems, GLUE_PARTITION_PROJECTION_ENABLED, "only applies to tables the sink creates; "
                        + "needs " + GLUE_TABLE_AUTO_CREATE + "=true (set projection on an existing table in Athena)");
            }
            if (!registration && !projection) {
                add(problems, GLUE_PARTITION_REGISTRATION, "false needs "
                        + GLUE_PARTITION_PROJECTION_ENABLED + "=true, else Athena sees no partition; set "
                        + GLUE_ENABLED + "=false to leave the catalog alone");
            }
            if (projection) {
                String problem = projectionProblem(props.get(S3SinkConfig.PATH_FORMAT));
                if (problem != null) {
                    add(problems, GLUE_PARTITION_PROJECTION_ENABLED, problem);
                }
            }
            if (!blank(props.get(GLUE_TABLE)) && writesSeveralTables(props)) {
                add(problems, GLUE_TABLE, "names one catalog table, but the sink writes one table per topic; set "
                        + S3SinkConfig.TABLE_NAME + " too, or leave " + GLUE_TABLE + " empty");
            }
        }
        return problems;
    }

    /** Why {@code path.format} cannot be projected, or null when every segment can. */
    private static String projectionProblem(String pathFormat) {
        PathTemplate template;
        try {
            template = PathTemplate.parse(pathFormat == null ? "'dt'=yyyy-MM-dd/'hour'=HH" : pathFormat);
        } catch (IllegalArgumentException e) {
            return null; // reported on path.format
        }
        for (PathTemplate.Segment segment : template.segments()) {
            if (ProjectedKey.of(segment) == null) {
                return "cannot project path.format segment '" + segment.key() + "'=" + segment.pattern()
                        + ": use a pattern with a year (date projection) or a single hour, minute, day or "
                        + "month field";
            }
        }
        return null;
    }

    private static boolean writesSeveralTables(Map<String, String> props) {
        if (!blank(props.get(S3SinkConfig.TABLE_NAME))) {
            return false;
        }
        if (!blank(props.get("topics.regex"))) {
            return true;
        }
        String topics = props.get("topics");
        return topics != null && topics.split(",").length > 1;
    }

    private static void ensureDatabase(String name, Object value) {
        if (!DATABASE.matcher((String) value).matches()) {
            throw new ConfigException(name, value, "must be 1-255 lowercase letters, digits or '_'");
        }
    }

    private static void ensureTable(String name, Object value) {
        String table = (String) value;
        if (!table.isEmpty() && !TableNaming.isValid(table)) {
            throw new ConfigException(name, value, "must start with a lowercase letter and contain only lowercase "
                    + "letters, digits and '_' (at most 255 characters), as Glue and Athena expect");
        }
    }

    private static void ensureCatalogId(String name, Object value) {
        String id = (String) value;
        if (!id.isEmpty() && !id.matches("[0-9]{12}")) {
            throw new ConfigException(name, value, "must be empty or a 12-digit AWS account id");
        }
    }

    private static void ensureHttpUrl(String name, Object value) {
        String url = (String) value;
        if (url.isEmpty()) {
            return;
        }
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ConfigException(name, value, "must be an http or https URL with a host");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(name, value, "is not a URL: " + e.getMessage());
        }
    }

    private static void ensureRange(String name, Object value) {
        String[] ends = ((String) value).split(",", -1);
        if (ends.length != 2 || !RANGE_END.matcher(ends[0]).matches() || !RANGE_END.matcher(ends[1]).matches()
                || ends[0].isBlank() || ends[1].isBlank()) {
            throw new ConfigException(name, value, "must be two comma-separated ends, e.g. NOW-1YEARS,NOW or "
                    + "2026-01-01,NOW");
        }
    }

    private static void add(Map<String, List<String>> problems, String key, String message) {
        problems.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
