package io.stocklake.bench.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.bench.freshness.LakeRows.Row;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LakeRowsTest {

    @Test
    void readsEachJsonLinesRecordIdentityAndEventTimeAsUtc() {
        byte[] lines = ("{\"kafka_partition\":0,\"kafka_offset\":41,\"symbol\":\"AAPL\","
                        + "\"event_time\":\"2026-11-24 14:30:00.123\"}\n"
                        + "{\"kafka_partition\":2,\"kafka_offset\":42,\"symbol\":\"MSFT\","
                        + "\"event_time\":\"2026-11-24 14:30:01.000\"}\n")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(LakeRows.read("topics/t/dt=2026-11-24/hour=14/t+0+00000000000000000041.json", lines))
                .containsExactly(
                        Row.of(0, 41, Instant.parse("2026-11-24T14:30:00.123Z").toEpochMilli()),
                        Row.of(2, 42, Instant.parse("2026-11-24T14:30:01Z").toEpochMilli()));
    }

    @Test
    void theSameOffsetInAnotherKafkaPartitionIsAnotherRecord() {
        assertThat(Row.of(0, 7, 0).identity()).isNotEqualTo(Row.of(1, 7, 0).identity());
    }

    @Test
    void anEmptyObjectHasNoRows() {
        assertThat(LakeRows.read("a.json", new byte[0])).isEmpty();
    }

    @Test
    void aRowWithoutItsKafkaCoordinatesIsRefusedNamingTheSetting() {
        byte[] line = "{\"event_time\":\"2026-11-24 14:30:00.123\"}\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> LakeRows.read("a.json", line))
                .hasMessageContaining("kafka_partition")
                .hasMessageContaining("kafka.metadata.columns");
    }
}
