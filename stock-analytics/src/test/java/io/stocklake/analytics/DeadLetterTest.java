package io.stocklake.analytics;

import static io.stocklake.analytics.SourceTicks.text;
import static io.stocklake.analytics.SourceTicks.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.source.ticks.Tick;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** A record that is not a tick goes to the dead-letter topic, as it came, with the reason; the rest flows on. */
class DeadLetterTest {

    private static final long TIME = SourceTicks.DAY.toEpochMilli();

    @Test
    void aValueThatIsNotJsonIsADeadLetterWithTheReason() {
        try (AnalyticsDriver app = AnalyticsDriver.start()) {
            app.send("AAPL", text("not json {"), TIME);

            TestRecord<String, byte[]> letter = single(app);
            assertThat(letter.key()).isEqualTo("AAPL");
            assertThat(letter.value()).isEqualTo(text("not json {"));
            assertThat(header(letter, "stocklake.analytics.error.reason")).startsWith("the value is not JSON");
        }
    }

    @Test
    void aDeadLetterSaysWhereItCameFrom() {
        try (AnalyticsDriver app = AnalyticsDriver.start()) {
            app.send("AAPL", text("[]"), TIME);

            TestRecord<String, byte[]> letter = single(app);
            assertThat(header(letter, "stocklake.analytics.error.topic")).isEqualTo(AnalyticsDriver.TICKS);
            assertThat(header(letter, "stocklake.analytics.error.partition")).isEqualTo("0");
            assertThat(header(letter, "stocklake.analytics.error.offset")).isEqualTo("0");
            assertThat(header(letter, "stocklake.analytics.error.reason")).isEqualTo("the value is not a JSON object");
        }
    }

    @Test
    void aMissingFieldIsNamed() {
        try (AnalyticsDriver app = AnalyticsDriver.start()) {
            app.send("AAPL", text("{\"symbol\":\"AAPL\",\"exchange\":\"XNAS\",\"event_time\":1,\"seq\":1}"), TIME);

            assertThat(header(single(app), "stocklake.analytics.error.reason")).isEqualTo("field 'price' is missing");
        }
    }

    @Test
    void aNonPositivePriceIsADeadLetter() {
        try (AnalyticsDriver app = AnalyticsDriver.start()) {
            Tick bad = tick("AAPL", 1, 1, -3.0, 10, 99.9, 100.1);
            app.send(bad);

            assertThat(header(single(app), "stocklake.analytics.error.reason"))
                    .isEqualTo("field 'price' must be a positive finite number, got -3.0");
        }
    }

    @Test
    void aTickKeyedOtherThanByItsSymbolIsADeadLetter() {
        try (AnalyticsDriver app = AnalyticsDriver.start()) {
            Tick tick = tick("AAPL", 1, 1, 100.0, 10, 99.9, 100.1);
            app.send("MSFT", SourceTicks.withSchema(tick), TIME);

            assertThat(header(single(app), "stocklake.analytics.error.reason"))
                    .isEqualTo("the record key 'MSFT' is not the tick's symbol 'AAPL'");
        }
    }

    @Test
    void aRecordWithoutValueIsADeadLetter() {
        try (AnalyticsDriver app = AnalyticsDriver.start()) {
            app.send("AAPL", null, TIME);

            TestRecord<String, byte[]> letter = single(app);
            assertThat(letter.value()).isNull();
            assertThat(header(letter, "stocklake.analytics.error.reason")).isEqualTo("the record has no value");
        }
    }

    @Test
    void badTicksNeitherStopNorAlterTheBars() {
        try (AnalyticsDriver app = AnalyticsDriver.start()) {
            Tick first = tick("AAPL", 10, 1, 100.0, 10, 99.9, 100.1);
            app.send(first);
            app.send("AAPL", text("{\"symbol\":\"AAPL\"}"), TIME + 20_000);
            app.send("AAPL", text("garbage"), TIME + 30_000);
            app.send(tick("AAPL", 100, 2, 101.0, 10, 100.9, 101.1));

            assertThat(app.deadLetters()).hasSize(2);
            assertThat(app.bars())
                    .singleElement()
                    .extracting(BarRow::tradeCount, BarRow::open)
                    .containsExactly(1L, 100.0);
        }
    }

    private static TestRecord<String, byte[]> single(AnalyticsDriver app) {
        var letters = app.deadLetters();
        assertThat(letters).hasSize(1);
        return letters.get(0);
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
