package io.stocklake.analytics;

import io.stocklake.analytics.alerts.Alert;
import io.stocklake.analytics.alerts.BarAlertRules;
import io.stocklake.analytics.alerts.BarHistory;
import io.stocklake.analytics.alerts.QuoteAlertRule;
import io.stocklake.analytics.bars.Bar;
import io.stocklake.analytics.bars.BarAccumulator;
import io.stocklake.analytics.config.AlertThresholds;
import io.stocklake.analytics.config.AnalyticsConfig;
import io.stocklake.analytics.output.AlertRecords;
import io.stocklake.analytics.output.BarRecords;
import io.stocklake.analytics.ticks.Tick;
import io.stocklake.analytics.ticks.TickReading;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.UsePartitionTimeOnInvalidTimestamp;
import org.apache.kafka.streams.state.Stores;

/**
 * The application's data flow, from the tick topic to three topics:
 * <pre>
 * ticks -> read -+-> not a tick ------------------------------------------> dead-letter topic (reason in headers)
 *                +-> tick -+-> 1-minute window per symbol, final on close -> bars topic
 *                          |                                  +-> bar rules (return, volume) -+
 *                          +-> quote rule (locked, crossed) ----------------------------------+-> alerts topic
 * </pre>
 * Every node and store is named, so internal topics keep their names when the flow changes elsewhere. Ticks are
 * keyed by symbol on the topic, so a symbol's bars and history stay in its partition's task: no repartition topic.
 * <p>
 * The state is small and bounded (per symbol: the minutes still within their grace, and the recent history the
 * alert rules compare with), so every store is in memory, changelogged like the suppression buffer already was:
 * a restarted instance restores it from the changelogs, as an exactly-once instance that crashed must do with any
 * store, and the application carries no native store library.
 */
public final class AnalyticsTopology {

    /** One-minute bars: the {@code stock_bars_1m} table. */
    public static final Duration BAR_SIZE = Duration.ofMinutes(1);

    public static final String BARS_STORE = "bars-1m";
    public static final String BARS_FINAL = "bars-1m-final";
    public static final String BAR_HISTORY_STORE = "bar-history";

    private static final Serde<String> KEYS = Serdes.String();

    private AnalyticsTopology() {}

    public static Topology build(AnalyticsConfig config) {
        return build(
                config.ticksTopic(),
                config.barsTopic(),
                config.alertsTopic(),
                config.deadLetterTopic(),
                config.barsGrace(),
                config.alertThresholds());
    }

    static Topology build(
            String ticksTopic,
            String barsTopic,
            String alertsTopic,
            String deadLetterTopic,
            Duration grace,
            AlertThresholds thresholds) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<Tick> tickSerde = new StateSerde<>(Tick.class);

        Map<String, KStream<String, TickReading>> readings = builder.stream(
                        ticksTopic,
                        Consumed.with(KEYS, Serdes.ByteArray())
                                .withTimestampExtractor(new UsePartitionTimeOnInvalidTimestamp())
                                .withName("ticks"))
                .processValues(TickReader::new, Named.as("read-tick"))
                .split(Named.as("ticks-"))
                .branch((symbol, reading) -> reading instanceof TickReading.Invalid, Branched.as("invalid"))
                .defaultBranch(Branched.as("valid"));

        readings.get("ticks-invalid")
                .processValues(DeadLetters::new, Named.as("dead-letter"))
                .to(deadLetterTopic, Produced.with(KEYS, Serdes.ByteArray()).withName("dead-letter-topic"));

        KStream<String, Tick> ticks = readings.get("ticks-valid")
                .mapValues(reading -> ((TickReading.Valid) reading).tick(), Named.as("tick"));

        KStream<String, Bar> bars = ticks.groupByKey(Grouped.with("ticks-by-symbol", KEYS, tickSerde))
                .windowedBy(TimeWindows.ofSizeAndGrace(BAR_SIZE, grace))
                .aggregate(
                        BarAccumulator::empty,
                        (symbol, tick, bar) -> bar.add(tick),
                        Named.as("bar-1m"),
                        Materialized.<String, BarAccumulator>as(
                                        Stores.inMemoryWindowStore(BARS_STORE, BAR_SIZE.plus(grace), BAR_SIZE, false))
                                .withKeySerde(KEYS)
                                .withValueSerde(new StateSerde<>(BarAccumulator.class)))
                // Once per window, when stream time passes its end plus the grace: later ticks cannot amend it.
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())
                        .withName(BARS_FINAL))
                .toStream(Named.as("bars-1m-closed"))
                .map(
                        (window, bar) -> KeyValue.pair(
                                window.key(),
                                bar.toBar(
                                        window.key(),
                                        window.window().start(),
                                        window.window().end())),
                        Named.as("bar"));

        bars.processValues(() -> new EventTimeStamp<>(Bar::windowStart), Named.as("bar-time"))
                .to(
                        barsTopic,
                        Produced.with(KEYS, new WriteOnlySerde<>(new BarRecords()))
                                .withName("bars-topic"));

        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(BAR_HISTORY_STORE), KEYS, new StateSerde<>(BarHistory.class)));
        BarAlertRules barRules = new BarAlertRules(thresholds);
        KStream<String, Alert> alerts = bars.processValues(
                () -> new BarAlerts(barRules, BAR_HISTORY_STORE), Named.as("bar-alerts"), BAR_HISTORY_STORE);
        if (thresholds.quoteAlerts()) {
            QuoteAlertRule quoteRule = new QuoteAlertRule();
            alerts = alerts.merge(ticks.flatMapValues(quoteRule::apply, Named.as("quote-alerts")), Named.as("alerts"));
        }
        alerts.to(
                alertsTopic,
                Produced.with(KEYS, new WriteOnlySerde<>(new AlertRecords())).withName("alerts-topic"));
        return builder.build();
    }
}
