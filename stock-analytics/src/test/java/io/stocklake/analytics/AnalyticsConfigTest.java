package io.stocklake.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.analytics.config.AlertThresholds;
import io.stocklake.analytics.config.AnalyticsConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AnalyticsConfigTest {

    private static Map<String, Object> minimal() {
        Map<String, Object> config = new HashMap<>();
        config.put("application.id", "stock-analytics");
        config.put("bootstrap.servers", "broker:9092");
        return config;
    }

    @Test
    void theDefaultsReadTheTickTopicAndWriteTopicsTheSinkNamesStockBars1mAndStockAlerts() {
        AnalyticsConfig config = new AnalyticsConfig(minimal());

        assertThat(config.ticksTopic()).isEqualTo("stock-ticks");
        assertThat(config.barsTopic()).isEqualTo("stock-bars-1m");
        assertThat(config.alertsTopic()).isEqualTo("stock-alerts");
        assertThat(config.deadLetterTopic()).isEqualTo("stock-analytics-dlq");
        assertThat(config.barsGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.alertThresholds()).isEqualTo(new AlertThresholds(4.0, 30, 5.0, 30, true));
    }

    @Test
    void kafkaStreamsGetsEverythingButTheApplicationsKeysAndRunsExactlyOnceV2() {
        Map<String, Object> settings = minimal();
        settings.put("bars.grace.ms", "5000");
        settings.put("num.stream.threads", "2");

        Properties streams = new AnalyticsConfig(settings).streamsProperties();

        assertThat(streams)
                .containsEntry("application.id", "stock-analytics")
                .containsEntry("num.stream.threads", "2")
                .containsEntry("processing.guarantee", "exactly_once_v2")
                .doesNotContainKey("bars.grace.ms");
    }

    @Test
    void anotherProcessingGuaranteeIsRefusedByName() {
        Map<String, Object> settings = minimal();
        settings.put("processing.guarantee", "at_least_once");

        assertThatThrownBy(() -> new AnalyticsConfig(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("processing.guarantee")
                .hasMessageContaining("exactly_once_v2");
    }

    @Test
    void barsAndAlertsOnOneTopicAreRefused() {
        Map<String, Object> settings = minimal();
        settings.put("alerts.topic", "stock-bars-1m");

        assertThatThrownBy(() -> new AnalyticsConfig(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("alerts.topic");
    }

    @Test
    void writingToTheTickTopicIsRefused() {
        Map<String, Object> settings = minimal();
        settings.put("dead.letter.topic", "stock-ticks");

        assertThatThrownBy(() -> new AnalyticsConfig(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("dead.letter.topic");
    }

    @Test
    void aThresholdOutOfRangeIsRefusedByName() {
        Map<String, Object> settings = minimal();
        settings.put("alerts.return.lookback.bars", "1");

        assertThatThrownBy(() -> new AnalyticsConfig(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("alerts.return.lookback.bars");
    }
}
