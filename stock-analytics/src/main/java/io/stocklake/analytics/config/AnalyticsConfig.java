package io.stocklake.analytics.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The application's settings: its own keys (topics, the bars' grace, the alert thresholds) and, passed through
 * untouched, every Kafka Streams and client setting ({@code application.id}, {@code bootstrap.servers}, security).
 * The processing guarantee is exactly_once_v2 and nothing else: the bars and alerts are counted on that.
 */
public final class AnalyticsConfig extends AbstractConfig {

    public static final String TICKS_TOPIC = "ticks.topic";
    public static final String BARS_TOPIC = "bars.topic";
    public static final String ALERTS_TOPIC = "alerts.topic";
    public static final String DEAD_LETTER_TOPIC = "dead.letter.topic";
    public static final String BARS_GRACE_MS = "bars.grace.ms";
    public static final String RETURN_SIGMAS = "alerts.return.sigmas";
    public static final String RETURN_LOOKBACK_BARS = "alerts.return.lookback.bars";
    public static final String VOLUME_MULTIPLE = "alerts.volume.multiple";
    public static final String VOLUME_LOOKBACK_BARS = "alerts.volume.lookback.bars";
    public static final String QUOTE_ALERTS_ENABLED = "alerts.quote.enabled";

    public static final String DEFAULT_TICKS_TOPIC = "stock-ticks";
    /** Named so that the sink, naming tables after topics, lands it as {@code stock_bars_1m}. */
    public static final String DEFAULT_BARS_TOPIC = "stock-bars-1m";
    /** Lands as {@code stock_alerts}. */
    public static final String DEFAULT_ALERTS_TOPIC = "stock-alerts";

    public static final String DEFAULT_DEAD_LETTER_TOPIC = "stock-analytics-dlq";
    public static final long DEFAULT_BARS_GRACE_MS = 10_000;
    public static final double DEFAULT_RETURN_SIGMAS = 4.0;
    public static final int DEFAULT_RETURN_LOOKBACK_BARS = 30;
    public static final double DEFAULT_VOLUME_MULTIPLE = 5.0;
    public static final int DEFAULT_VOLUME_LOOKBACK_BARS = 30;
    public static final boolean DEFAULT_QUOTE_ALERTS_ENABLED = true;

    /** The only processing guarantee the application runs with. */
    public static final String PROCESSING_GUARANTEE = StreamsConfig.EXACTLY_ONCE_V2;

    public static final ConfigDef DEF = new ConfigDef()
            .define(
                    TICKS_TOPIC,
                    Type.STRING,
                    DEFAULT_TICKS_TOPIC,
                    new ConfigDef.NonEmptyString(),
                    Importance.HIGH,
                    "Topic of the ticks, as the tick source writes them (JSON, schema embedded or not).")
            .define(
                    BARS_TOPIC,
                    Type.STRING,
                    DEFAULT_BARS_TOPIC,
                    new ConfigDef.NonEmptyString(),
                    Importance.HIGH,
                    "Topic of the final one-minute bars (JSON with its Connect schema embedded).")
            .define(
                    ALERTS_TOPIC,
                    Type.STRING,
                    DEFAULT_ALERTS_TOPIC,
                    new ConfigDef.NonEmptyString(),
                    Importance.HIGH,
                    "Topic of the alerts (JSON with its Connect schema embedded).")
            .define(
                    DEAD_LETTER_TOPIC,
                    Type.STRING,
                    DEFAULT_DEAD_LETTER_TOPIC,
                    new ConfigDef.NonEmptyString(),
                    Importance.HIGH,
                    "Topic of the ticks that cannot be read, as they came, with the reason in " + "headers.")
            .define(
                    BARS_GRACE_MS,
                    Type.LONG,
                    DEFAULT_BARS_GRACE_MS,
                    Range.between(0, Duration.ofHours(1).toMillis()),
                    Importance.MEDIUM,
                    "How long after a minute ends (in event time) its late ticks still count; a "
                            + "bar is emitted once this has passed, and later ticks are dropped and counted.")
            .define(
                    RETURN_SIGMAS,
                    Type.DOUBLE,
                    DEFAULT_RETURN_SIGMAS,
                    Range.atLeast(0.5),
                    Importance.MEDIUM,
                    "A bar's log return beyond this many standard deviations of the symbol's recent returns raises "
                            + "an alert.")
            .define(
                    RETURN_LOOKBACK_BARS,
                    Type.INT,
                    DEFAULT_RETURN_LOOKBACK_BARS,
                    Range.between(2, 10_000),
                    Importance.MEDIUM,
                    "How many recent bar returns the return alert compares with; it stays quiet "
                            + "until a symbol has this many.")
            .define(
                    VOLUME_MULTIPLE,
                    Type.DOUBLE,
                    DEFAULT_VOLUME_MULTIPLE,
                    Range.atLeast(1.0),
                    Importance.MEDIUM,
                    "A bar's volume above this multiple of the symbol's recent mean bar volume raises an alert.")
            .define(
                    VOLUME_LOOKBACK_BARS,
                    Type.INT,
                    DEFAULT_VOLUME_LOOKBACK_BARS,
                    Range.between(1, 10_000),
                    Importance.MEDIUM,
                    "How many recent bar volumes the volume alert averages; it stays quiet until "
                            + "a symbol has this many.")
            .define(
                    QUOTE_ALERTS_ENABLED,
                    Type.BOOLEAN,
                    DEFAULT_QUOTE_ALERTS_ENABLED,
                    Importance.MEDIUM,
                    "Whether a tick whose bid is at (locked) or above (crossed) its ask raises an alert.");

    public AnalyticsConfig(Map<?, ?> originals) {
        super(DEF, originals);
        Object guarantee = originals.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
        if (guarantee != null && !PROCESSING_GUARANTEE.equals(guarantee)) {
            throw new ConfigException(
                    StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                    guarantee,
                    "the analytics run exactly once: leave it unset or set it to " + PROCESSING_GUARANTEE);
        }
        if (getString(BARS_TOPIC).equals(getString(ALERTS_TOPIC))) {
            throw new ConfigException(
                    ALERTS_TOPIC,
                    getString(ALERTS_TOPIC),
                    "must differ from " + BARS_TOPIC + ": the sink lands each topic as its own table");
        }
        for (String output : new String[] {BARS_TOPIC, ALERTS_TOPIC, DEAD_LETTER_TOPIC}) {
            if (getString(output).equals(getString(TICKS_TOPIC))) {
                throw new ConfigException(output, getString(output), "must differ from " + TICKS_TOPIC);
            }
        }
    }

    public String ticksTopic() {
        return getString(TICKS_TOPIC);
    }

    public String barsTopic() {
        return getString(BARS_TOPIC);
    }

    public String alertsTopic() {
        return getString(ALERTS_TOPIC);
    }

    public String deadLetterTopic() {
        return getString(DEAD_LETTER_TOPIC);
    }

    public Duration barsGrace() {
        return Duration.ofMillis(getLong(BARS_GRACE_MS));
    }

    public AlertThresholds alertThresholds() {
        return new AlertThresholds(
                getDouble(RETURN_SIGMAS),
                getInt(RETURN_LOOKBACK_BARS),
                getDouble(VOLUME_MULTIPLE),
                getInt(VOLUME_LOOKBACK_BARS),
                getBoolean(QUOTE_ALERTS_ENABLED));
    }

    /** Everything but this application's own keys, for Kafka Streams, with the processing guarantee set. */
    public Properties streamsProperties() {
        Map<String, Object> streams = new HashMap<>();
        originals().forEach((key, value) -> {
            if (!DEF.names().contains(key)) {
                streams.put(key, value);
            }
        });
        streams.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, PROCESSING_GUARANTEE);
        Properties properties = new Properties();
        properties.putAll(streams);
        return properties;
    }
}
