package io.stocklake.bench.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LakeWatcherTest {

    @Test
    void readsTheEventTimeOfEveryJsonLineAsUtc() {
        byte[] lines = ("{\"symbol\":\"AAPL\",\"event_time\":\"2026-11-24 14:30:00.123\"}\n"
                        + "{\"symbol\":\"MSFT\",\"event_time\":\"2026-11-24 14:30:01.000\"}\n")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(LakeWatcher.eventTimes(lines))
                .containsExactly(
                        Instant.parse("2026-11-24T14:30:00.123Z").toEpochMilli(),
                        Instant.parse("2026-11-24T14:30:01Z").toEpochMilli());
    }

    @Test
    void anEmptyObjectHasNoRecords() {
        assertThat(LakeWatcher.eventTimes(new byte[0])).isEmpty();
    }
}
