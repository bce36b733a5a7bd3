package io.stocklake.sink.config;

import java.time.Duration;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.LambdaValidator;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/** The {@code glue.*} keys: the Glue Data Catalog the sink registers its tables and partitions in. */
public final class CatalogConfig extends ConfigFragment {

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

    /** Connect's settings that name the topics, read to tell whether the sink writes more than one table. */
    static final String TOPICS = "topics";

    static final String TOPICS_REGEX = "topics.regex";

    static final String GROUP = "Glue Data Catalog";
    static final String DATABASE_DEFAULT = "default";
    static final String PROJECTION_DATE_RANGE_DEFAULT = "NOW-1YEARS,NOW";
    static final int PARTITION_CACHE_SIZE_DEFAULT = 10_000;
    static final long PARTITION_CACHE_TTL_MS_DEFAULT = 60_000L;
    static final int RETRY_MAX_ATTEMPTS_DEFAULT = 8;
    static final long RETRY_BACKOFF_MS_DEFAULT = 200L;
    static final long RETRY_MAX_BACKOFF_MS_DEFAULT = 20_000L;

    /** Glue database names: lowercase letters, digits and underscores, as Athena expects them. */
    private static final Pattern DATABASE = Pattern.compile("[a-z0-9_]{1,255}");
    /** Athena's relative dates, e.g. NOW-3YEARS, or a literal in the partition key's own format. */
    private static final Pattern RANGE_END = Pattern.compile(
            "\\s*NOW\\s*([+-]\\s*[0-9]+\\s*(YEARS?|MONTHS?|WEEKS?|DAYS?|HOURS?|MINUTES?|SECONDS?)\\s*)?|[^,]+");

    private final StorageConfig storage;
    private final LayoutConfig layout;
    private final Map<String, String> connectorConfig;

    /**
     * @param storage         whose region stands in for an empty {@code glue.region}
     * @param layout          the partitions a projection must compute, and the table name
     * @param connectorConfig the whole connector configuration, where Connect's topic settings are
     */
    CatalogConfig(
            Map<String, ?> values, StorageConfig storage, LayoutConfig layout, Map<String, String> connectorConfig) {
        super(values);
        this.storage = storage;
        this.layout = layout;
        this.connectorConfig = connectorConfig;
    }

    static void define(ConfigDef def, KeyOrder order) {
        def.define(
                GLUE_ENABLED,
                Type.BOOLEAN,
                true,
                Importance.HIGH,
                "Register tables and partitions in the Glue Data Catalog; false writes to S3 only.",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Glue enabled");
        def.define(
                GLUE_DATABASE,
                Type.STRING,
                DATABASE_DEFAULT,
                LambdaValidator.with(CatalogConfig::ensureDatabase, () -> "[a-z0-9_]{1,255}"),
                Importance.HIGH,
                "Glue database of the tables; created when missing and glue.table.auto.create=true.",
                GROUP,
                order.next(GROUP),
                Width.MEDIUM,
                "Database");
        def.define(
                GLUE_TABLE,
                Type.STRING,
                "",
                TableNaming.emptyOrValid(),
                Importance.MEDIUM,
                "Glue table name; empty uses the sink's table name (table.name, else the topic made a valid "
                        + "name). Only for a sink that writes one table.",
                GROUP,
                order.next(GROUP),
                Width.MEDIUM,
                "Table");
        def.define(
                GLUE_CATALOG_ID,
                Type.STRING,
                "",
                LambdaValidator.with(CatalogConfig::ensureCatalogId, () -> "empty or a 12-digit account id"),
                Importance.LOW,
                "Account id of the Data Catalog; empty uses the catalog of the credentials' account.",
                GROUP,
                order.next(GROUP),
                Width.MEDIUM,
                "Catalog id");
        def.define(
                GLUE_REGION,
                Type.STRING,
                "",
                Importance.MEDIUM,
                "Region of the Data Catalog; empty uses s3.region (and, when that is empty too, the AWS SDK's "
                        + "region chain).",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Region");
        def.define(
                GLUE_ENDPOINT_URL,
                Type.STRING,
                "",
                new EndpointUrl(),
                Importance.LOW,
                "Endpoint of a Glue-compatible catalog; empty for AWS Glue in the region. Credentials are the "
                        + "aws.* ones the S3 client uses.",
                GROUP,
                order.next(GROUP),
                Width.LONG,
                "Endpoint URL");
        def.define(
                GLUE_TABLE_AUTO_CREATE,
                Type.BOOLEAN,
                true,
                Importance.MEDIUM,
                "Create the database and an EXTERNAL_TABLE from the record schema when missing, and append "
                        + "new fields as columns. false: the table must exist; it is only checked.",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Auto-create table");
        def.define(
                GLUE_PARTITION_REGISTRATION,
                Type.BOOLEAN,
                true,
                Importance.MEDIUM,
                "Register each partition a file lands in (BatchCreatePartition) before its offsets are "
                        + "committed. false leaves partitions to projection, crawlers or MSCK REPAIR.",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Register partitions");
        def.define(
                GLUE_PARTITION_PROJECTION_ENABLED,
                Type.BOOLEAN,
                false,
                Importance.MEDIUM,
                "Declare Athena partition projection (projection.* and storage.location.template table "
                        + "parameters) on tables the sink creates: Athena then computes partitions from the "
                        + "query instead of reading them from the catalog.",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Partition projection");
        def.define(
                GLUE_PARTITION_PROJECTION_DATE_RANGE,
                Type.STRING,
                PROJECTION_DATE_RANGE_DEFAULT,
                LambdaValidator.with(CatalogConfig::ensureRange, () -> "<start>,<end> (dates or NOW[+-]N<UNIT>)"),
                Importance.LOW,
                "projection.<key>.range of date-projected partition keys: two dates in the "
                        + "key's path.format pattern, or Athena's relative NOW-3YEARS style.",
                GROUP,
                order.next(GROUP),
                Width.MEDIUM,
                "Projection date range");
        def.define(
                GLUE_PARTITION_CACHE_SIZE,
                Type.INT,
                PARTITION_CACHE_SIZE_DEFAULT,
                Range.atLeast(1),
                Importance.LOW,
                "Partitions each task remembers as registered (least recently used dropped "
                        + "first); files into a remembered partition cost no Glue call.",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Partition cache size");
        def.define(
                GLUE_PARTITION_CACHE_TTL_MS,
                Type.LONG,
                PARTITION_CACHE_TTL_MS_DEFAULT,
                Range.atLeast(0),
                Importance.LOW,
                "How long a task trusts a remembered partition: the next file into it after this "
                        + "looks it up again (one BatchGetPartition for all such partitions of a batch), and "
                        + "registers it again if it was dropped outside the sink. Bounds how long records stay "
                        + "invisible to queries after such a drop; 0 looks up on every file.",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Partition cache TTL");
        def.define(
                GLUE_RETRY_MAX_ATTEMPTS,
                Type.INT,
                RETRY_MAX_ATTEMPTS_DEFAULT,
                Range.between(1, 100),
                Importance.LOW,
                "Attempts per Glue request (SDK retries with exponential backoff and full jitter "
                        + "on ThrottlingException, 5xx and timeouts) before the batch is retried by the task.",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Request attempts");
        def.define(
                GLUE_RETRY_BACKOFF_MS,
                Type.LONG,
                RETRY_BACKOFF_MS_DEFAULT,
                Range.atLeast(1),
                Importance.LOW,
                "Base delay of the SDK's exponential backoff between Glue attempts.",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Backoff base");
        def.define(
                GLUE_RETRY_MAX_BACKOFF_MS,
                Type.LONG,
                RETRY_MAX_BACKOFF_MS_DEFAULT,
                Range.atLeast(1),
                Importance.LOW,
                "Longest delay between two attempts of one Glue request.",
                GROUP,
                order.next(GROUP),
                Width.SHORT,
                "Backoff cap");
    }

    private static void ensureDatabase(String name, Object value) {
        if (!DATABASE.matcher((String) value).matches()) {
            throw new ConfigException(name, value, "must be 1-255 lowercase letters, digits or '_'");
        }
    }

    private static void ensureCatalogId(String name, Object value) {
        String id = (String) value;
        if (!id.isEmpty() && !id.matches("[0-9]{12}")) {
            throw new ConfigException(name, value, "must be empty or a 12-digit AWS account id");
        }
    }

    private static void ensureRange(String name, Object value) {
        String[] ends = ((String) value).split(",", -1);
        if (ends.length != 2
                || !RANGE_END.matcher(ends[0]).matches()
                || !RANGE_END.matcher(ends[1]).matches()
                || ends[0].isBlank()
                || ends[1].isBlank()) {
            throw new ConfigException(
                    name, value, "must be two comma-separated ends, e.g. NOW-1YEARS,NOW or " + "2026-01-01,NOW");
        }
    }

    /**
     * With the catalog enabled: projection on a table the sink does not create, no way for Athena to see
     * partitions, a time partition no projection can compute, and one catalog table for several sink tables.
     */
    void check(BiConsumer<String, String> problems) {
        if (!accepted(GLUE_ENABLED) || !enabled()) {
            return;
        }
        if (accepted(GLUE_PARTITION_PROJECTION_ENABLED, GLUE_TABLE_AUTO_CREATE) && projection() && !autoCreate()) {
            problems.accept(
                    GLUE_PARTITION_PROJECTION_ENABLED,
                    "only applies to tables the sink creates; needs " + GLUE_TABLE_AUTO_CREATE
                            + "=true (set projection on an existing table in Athena)");
        }
        if (accepted(GLUE_PARTITION_REGISTRATION, GLUE_PARTITION_PROJECTION_ENABLED)
                && !registerPartitions()
                && !projection()) {
            problems.accept(
                    GLUE_PARTITION_REGISTRATION,
                    "false needs " + GLUE_PARTITION_PROJECTION_ENABLED
                            + "=true, else Athena sees no partition; set " + GLUE_ENABLED
                            + "=false to leave the catalog "
                            + "alone");
        }
        if (accepted(GLUE_PARTITION_PROJECTION_ENABLED) && projection() && layout.accepted(LayoutConfig.PATH_FORMAT)) {
            for (PathTemplate.Segment segment : layout.pathTemplate().segments()) {
                if (ProjectedKey.of(segment) == null) {
                    problems.accept(
                            GLUE_PARTITION_PROJECTION_ENABLED,
                            "cannot project path.format segment '"
                                    + segment.key() + "'=" + segment.pattern() + ": use a pattern with a year (date "
                                    + "projection) or a single hour, minute, day or month field");
                    break;
                }
            }
        }
        if (accepted(GLUE_TABLE)
                && !table().isEmpty()
                && layout.accepted(LayoutConfig.TABLE_NAME)
                && writesSeveralTables()) {
            problems.accept(
                    GLUE_TABLE,
                    "names one catalog table, but the sink writes one table per topic; set " + LayoutConfig.TABLE_NAME
                            + " too, or leave " + GLUE_TABLE + " empty");
        }
    }

    private boolean writesSeveralTables() {
        if (!layout.tableNaming().fixedName().isEmpty()) {
            return false;
        }
        String regex = connectorConfig.get(TOPICS_REGEX);
        if (regex != null && !regex.isBlank()) {
            return true;
        }
        String topics = connectorConfig.get(TOPICS);
        return topics != null && topics.split(",").length > 1;
    }

    /** false: files land in S3 only. */
    public boolean enabled() {
        return value(GLUE_ENABLED);
    }

    public String database() {
        return value(GLUE_DATABASE);
    }

    /** The catalog table for every sink table; empty: the sink's table name. */
    public String table() {
        return value(GLUE_TABLE);
    }

    /** The catalog table a sink table is registered as. */
    public String tableFor(String sinkTable) {
        return table().isEmpty() ? sinkTable : table();
    }

    /** Account id of the catalog; empty: the caller's account. */
    public String catalogId() {
        return value(GLUE_CATALOG_ID);
    }

    /** Region of the catalog: {@code glue.region}, else {@code s3.region}; empty: the AWS SDK's region chain. */
    public String region() {
        String region = this.<String>value(GLUE_REGION).trim();
        return region.isEmpty() ? storage.region() : region;
    }

    /** The setting that names {@link #region()}, for messages when no region can be found. */
    public String regionKey() {
        return this.<String>value(GLUE_REGION).isBlank() ? StorageConfig.S3_REGION : GLUE_REGION;
    }

    /** Glue-compatible endpoint; empty: AWS Glue in the region. */
    public String endpointUrl() {
        return value(GLUE_ENDPOINT_URL);
    }

    /** Create a missing database and table (and append new optional columns). */
    public boolean autoCreate() {
        return value(GLUE_TABLE_AUTO_CREATE);
    }

    /** Register each new partition with BatchCreatePartition. */
    public boolean registerPartitions() {
        return value(GLUE_PARTITION_REGISTRATION);
    }

    /** Declare Athena partition projection on created tables. */
    public boolean projection() {
        return value(GLUE_PARTITION_PROJECTION_ENABLED);
    }

    /** {@code projection.<key>.range} of date-typed partition keys. */
    public String projectionDateRange() {
        return this.<String>value(GLUE_PARTITION_PROJECTION_DATE_RANGE).trim();
    }

    /** The partitions a projection computes: the time levels of {@code path.format}. */
    public PathTemplate projectedTemplate() {
        return layout.pathTemplate();
    }

    /** Known partitions remembered per task. */
    public int partitionCacheSize() {
        return value(GLUE_PARTITION_CACHE_SIZE);
    }

    /** How long a remembered partition is trusted before it is looked up again. */
    public Duration partitionCacheTtl() {
        return Duration.ofMillis(value(GLUE_PARTITION_CACHE_TTL_MS));
    }

    public int retryMaxAttempts() {
        return value(GLUE_RETRY_MAX_ATTEMPTS);
    }

    public Duration retryBackoff() {
        return Duration.ofMillis(value(GLUE_RETRY_BACKOFF_MS));
    }

    public Duration retryMaxBackoff() {
        return Duration.ofMillis(value(GLUE_RETRY_MAX_BACKOFF_MS));
    }
}
