package io.stocklake.analytics;

import static io.stocklake.analytics.SourceTicks.tick;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Alert rules fire on crafted moves and stay quiet on calm markets; thresholds come from the configuration. */
class AlertsTest {

    private static final long DAY = SourceTicks.DAY.toEpochMilli();
    private static final long MINUTE = 60_000;
    /** Short lookbacks keep the fixtures small. */
    private static final Map<String, String> LOOKBACK_5 = Map.of(
            "alerts.return.lookback.bars", "5",
            "alerts.return.sigmas", "3",
            "alerts.volume.lookback.bars", "5",
            "alerts.volume.multiple", "4");

    @Test
    void aCalmMarketRaisesNoAlert() {
        try (AnalyticsDriver app = AnalyticsDriver.start(LOOKBACK_5)) {
            for (int minute = 0; minute < 40; minute++) {
                oneTickBar(app, minute, calmPrice(minute), 100 + (minute % 3) * 10);
            }
            closeMinutes(app, 40);

            assertThat(app.bars()).hasSize(40);
            assertThat(app.alerts()).isEmpty();
        }
    }

    @Test
    void aReturnBeyondKStandardDeviationsRaisesAnAlertAtItsMinute() {
        try (AnalyticsDriver app = AnalyticsDriver.start(LOOKBACK_5)) {
            for (int minute = 0; minute < 10; minute++) {
                oneTickBar(app, minute, calmPrice(minute), 100);
            }
            oneTickBar(app, 10, 103.0, 100);
            closeMinutes(app, 11);

            List<TestRecord<String, AlertRow>> alerts = app.alertRecords();
            assertThat(alerts).singleElement().satisfies(record -> {
                AlertRow alert = record.value();
                assertThat(record.key()).isEqualTo("AAPL");
                assertThat(record.timestamp()).isEqualTo(DAY + 10 * MINUTE);
                assertThat(alert.alertType()).isEqualTo("RETURN_SIGMA");
                assertThat(alert.eventTime()).isEqualTo(DAY + 10 * MINUTE);
                assertThat(alert.observed())
                        .isCloseTo(Math.log(103.0 / calmPrice(9)), org.assertj.core.data.Offset.offset(1e-12));
                assertThat(alert.threshold()).isPositive().isLessThan(alert.observed());
                assertThat(alert.detail()).contains("AAPL", "standard deviations", "last 5");
            });
        }
    }

    @Test
    void theReturnRuleWaitsForAFullLookback() {
        try (AnalyticsDriver app = AnalyticsDriver.start(LOOKBACK_5)) {
            oneTickBar(app, 0, 100.0, 100);
            oneTickBar(app, 1, 100.1, 100);
            oneTickBar(app, 2, 100.0, 100);
            oneTickBar(app, 3, 110.0, 100);
            closeMinutes(app, 4);

            assertThat(app.alerts()).isEmpty();
        }
    }

    @Test
    void theSigmasComeFromTheConfiguration() {
        Map<String, String> lenient = new java.util.HashMap<>(LOOKBACK_5);
        lenient.put("alerts.return.sigmas", "1000");
        try (AnalyticsDriver app = AnalyticsDriver.start(lenient)) {
            for (int minute = 0; minute < 10; minute++) {
                oneTickBar(app, minute, calmPrice(minute), 100);
            }
            oneTickBar(app, 10, 103.0, 100);
            closeMinutes(app, 11);

            assertThat(app.alerts()).isEmpty();
        }
    }

    @Test
    void aVolumeSpikeRaisesAnAlert() {
        try (AnalyticsDriver app = AnalyticsDriver.start(LOOKBACK_5)) {
            for (int minute = 0; minute < 6; minute++) {
                oneTickBar(app, minute, calmPrice(minute), 100);
            }
            oneTickBar(app, 6, calmPrice(6), 1_000);
            closeMinutes(app, 7);

            assertThat(app.alerts()).singleElement().satisfies(alert -> {
                assertThat(alert.alertType()).isEqualTo("VOLUME_SPIKE");
                assertThat(alert.eventTime()).isEqualTo(DAY + 6 * MINUTE);
                assertThat(alert.observed()).isEqualTo(1_000.0);
                assertThat(alert.threshold()).isEqualTo(400.0);
            });
        }
    }

    @Test
    void aVolumeBelowTheMultipleRaisesNoAlert() {
        try (AnalyticsDriver app = AnalyticsDriver.start(LOOKBACK_5)) {
            for (int minute = 0; minute < 6; minute++) {
                oneTickBar(app, minute, calmPrice(minute), 100);
            }
            oneTickBar(app, 6, calmPrice(6), 400);
            closeMinutes(app, 7);

            assertThat(app.alerts()).isEmpty();
        }
    }

    @Test
    void aCrossedQuoteRaisesAnAlertAtOnce() {
        try (AnalyticsDriver app = AnalyticsDriver.start()) {
            app.send(tick("AAPL", 12.5, 1, 100.0, 10, 100.05, 100.0));

            assertThat(app.alertRecords()).singleElement().satisfies(record -> {
                assertThat(record.timestamp()).isEqualTo(DAY + 12_500);
                assertThat(record.value().alertType()).isEqualTo("CROSSED_QUOTE");
                assertThat(record.value().observed()).isCloseTo(-0.05, org.assertj.core.data.Offset.offset(1e-9));
                assertThat(record.value().detail()).contains("crossed", "seq 1");
            });
        }
    }

    @Test
    void aLockedQuoteRaisesAnAlert() {
        try (AnalyticsDriver app = AnalyticsDriver.start()) {
            app.send(tick("AAPL", 1, 1, 100.0, 10, 100.0, 100.0));

            assertThat(app.alerts()).extracting(AlertRow::alertType).containsExactly("LOCKED_QUOTE");
        }
    }

    @Test
    void aNormalQuoteRaisesNoAlert() {
        try (AnalyticsDriver app = AnalyticsDriver.start()) {
            app.send(tick("AAPL", 1, 1, 100.0, 10, 99.99, 100.01));

            assertThat(app.alerts()).isEmpty();
        }
    }

    @Test
    void quoteAlertsCanBeTurnedOff() {
        try (AnalyticsDriver app = AnalyticsDriver.start(Map.of("alerts.quote.enabled", "false"))) {
            app.send(tick("AAPL", 1, 1, 100.0, 10, 100.05, 100.0));

            assertThat(app.alerts()).isEmpty();
        }
    }

    @Test
    void realisticTicksRaiseNoQuoteAlerts() {
        try (AnalyticsDriver app = AnalyticsDriver.start()) {
            app.sendAll(SourceTicks.generated(List.of("AAPL", "MSFT"), 500, 10, 5));

            assertThat(app.alerts()).isEmpty();
        }
    }

    /** Prices that go up and down by 0.1% in turn: every return is one standard deviation from the mean. */
    private static double calmPrice(int minute) {
        return minute % 2 == 0 ? 100.0 : 100.1;
    }

    private static void oneTickBar(AnalyticsDriver app, int minute, double price, int size) {
        app.send(tick("AAPL", minute * 60 + 30, minute + 1, price, size, price - 0.01, price + 0.01));
    }

    /** A tick past the grace of minute {@code minutes - 1}; its own minute stays open. */
    private static void closeMinutes(AnalyticsDriver app, int minutes) {
        app.send(tick("AAPL", minutes * 60 + 45, 10_000, 100.0, 1, 99.99, 100.01));
    }
}
