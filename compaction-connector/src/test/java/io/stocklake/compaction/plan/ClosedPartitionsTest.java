package io.stocklake.compaction.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.sink.config.PathTemplate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClosedPartitionsTest {

    private final ClosedPartitions hourly = new ClosedPartitions(
            PathTemplate.parse("'dt'=yyyy-MM-dd/'hour'=HH"), ZoneId.of("UTC"), Duration.ofMinutes(10));

    @Test
    void anHourlyPartitionStartsAtItsHourInTheSinksZone() {
        assertThat(hourly.start(List.of("2026-11-24", "03"))).isEqualTo(Instant.parse("2026-11-24T03:00:00Z"));
        ClosedPartitions newYork = new ClosedPartitions(
                PathTemplate.parse("'dt'=yyyy-MM-dd/'hour'=HH"), ZoneId.of("America/New_York"), Duration.ZERO);
        assertThat(newYork.start(List.of("2026-11-24", "03"))).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
    }

    @Test
    void aPartitionIsClosedOnceAPartitionStartingAGraceAfterItsEndExists() {
        List<List<String>> all =
                List.of(List.of("2026-11-24", "02"), List.of("2026-11-24", "03"), List.of("2026-11-24", "04"));

        // The newest partition starts at 04:00: 02:00-03:00 ended more than 10 minutes before, 03:00-04:00 not.
        assertThat(hourly.closed(all)).containsExactly(List.of("2026-11-24", "02"));
    }

    @Test
    void withoutGraceThePartitionBeforeTheNewestIsClosed() {
        ClosedPartitions noGrace =
                new ClosedPartitions(PathTemplate.parse("'dt'=yyyy-MM-dd/'hour'=HH"), ZoneId.of("UTC"), Duration.ZERO);

        assertThat(noGrace.closed(List.of(List.of("2026-11-24", "03"), List.of("2026-11-24", "04"))))
                .containsExactly(List.of("2026-11-24", "03"));
    }

    @Test
    void dailyPartitionsEndAtMidnightAndFieldLevelsAfterTheTimeDoNotMatter() {
        ClosedPartitions daily =
                new ClosedPartitions(PathTemplate.parse("'dt'=yyyy-MM-dd"), ZoneId.of("UTC"), Duration.ofHours(1));

        assertThat(daily.closed(List.of(
                        List.of("2026-11-23", "AAPL"), List.of("2026-11-24", "MSFT"), List.of("2026-11-25", "AAPL"))))
                .containsExactly(List.of("2026-11-23", "AAPL"));
    }

    @Test
    void valuesNotOfThePathFormatAreNeverClosed() {
        assertThat(hourly.closed(List.of(List.of("__HIVE_DEFAULT_PARTITION__", "03"), List.of("2026-11-25", "00"))))
                .isEmpty();
    }
}
