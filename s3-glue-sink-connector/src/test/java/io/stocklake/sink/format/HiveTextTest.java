package io.stocklake.sink.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HiveTextTest {

    private static final DateTimeFormatter HIVE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    @Test
    void timestampsAreHiveTextInUtcToTheMillisecond() {
        assertThat(HiveText.timestamp(1_767_623_400_123L)).isEqualTo("2026-01-05 14:30:00.123");
        assertThat(HiveText.timestamp(0)).isEqualTo("1970-01-01 00:00:00.000");
        assertThat(HiveText.timestamp(-1)).isEqualTo("1969-12-31 23:59:59.999");
    }

    @Test
    void timestampsMatchTheFormatterAcrossAndBeyondFourDigitYears() {
        SplittableRandom random = new SplittableRandom(20261124L);
        long lowest = Instant.parse("-0100-01-01T00:00:00Z").toEpochMilli();
        long highest = Instant.parse("+10100-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 200_000; i++) {
            long millis = random.nextLong(lowest, highest);
            assertThat(HiveText.timestamp(millis))
                    .as("%d", millis)
                    .isEqualTo(HIVE.format(Instant.ofEpochMilli(millis)));
        }
    }

    @Test
    void timestampsAtTheEdgesOfFourDigitYearsMatchTheFormatter() {
        for (String instant : new String[] {
            "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59.999Z"
        }) {
            long millis = Instant.parse(instant).toEpochMilli();
            assertThat(HiveText.timestamp(millis)).as(instant).isEqualTo(HIVE.format(Instant.ofEpochMilli(millis)));
        }
    }
}
