package io.stocklake.sink.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.sink.config.PathTemplate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeLevelsTest {

    private static final PathTemplate DT_HOUR = PathTemplate.parse("'dt'=yyyy-MM-dd/'hour'=HH");

    private static List<String> values(TimeLevels levels, String instant) {
        return levels.render(Instant.parse(instant)).stream()
                .map(PartitionValue::value)
                .toList();
    }

    @Test
    void levelsChangeExactlyAtTheHourBoundary() {
        TimeLevels levels = new TimeLevels(DT_HOUR, ZoneOffset.UTC);

        assertThat(values(levels, "2026-11-24T03:59:59.999Z")).containsExactly("2026-11-24", "03");
        assertThat(values(levels, "2026-11-24T04:00:00Z")).containsExactly("2026-11-24", "04");
        assertThat(values(levels, "2026-11-24T03:00:00Z")).containsExactly("2026-11-24", "03");
    }

    @Test
    void localHoursRepeatedWhenClocksFallBackKeepTheirOwnValues() {
        TimeLevels levels = new TimeLevels(DT_HOUR, ZoneId.of("America/New_York"));

        // 2026-11-01: 01:00-02:00 local happens twice, first at UTC-4, then at UTC-5.
        assertThat(values(levels, "2026-11-01T05:30:00Z")).containsExactly("2026-11-01", "01");
        assertThat(values(levels, "2026-11-01T06:30:00Z")).containsExactly("2026-11-01", "01");
        assertThat(values(levels, "2026-11-01T07:00:00Z")).containsExactly("2026-11-01", "02");
        assertThat(values(levels, "2026-11-01T04:59:59Z")).containsExactly("2026-11-01", "00");
    }

    @Test
    void everyRenderingEqualsFormattingTheInstantDirectly() {
        Random random = new Random(42);
        for (String template : List.of(
                "'dt'=yyyy-MM-dd/'hour'=HH",
                "'month'=yyyy-MM",
                "'day'=yyyy-DDD",
                "'minute'=yyyyMMddHHmm",
                "'t'=HHmmss.SSS")) {
            for (ZoneId zone : List.of(ZoneOffset.UTC, ZoneId.of("Asia/Kolkata"), ZoneId.of("Europe/Berlin"))) {
                PathTemplate parsed = PathTemplate.parse(template);
                TimeLevels levels = new TimeLevels(parsed, zone);
                long t = Instant.parse("2026-03-28T00:00:00Z").toEpochMilli();
                for (int i = 0; i < 20_000; i++) {
                    // Mostly forward in small steps, sometimes back: the order records arrive in.
                    t += random.nextInt(10) == 0 ? -random.nextInt(7_200_000) : random.nextInt(120_000);
                    Instant instant = Instant.ofEpochMilli(t);
                    assertThat(levels.render(instant))
                            .as("%s in %s at %s", template, zone, instant)
                            .isEqualTo(direct(parsed, zone, instant));
                }
            }
        }
    }

    @Test
    void finestUnitIsTheSmallestFieldTheTemplateNames() {
        assertThat(TimeLevels.finestUnit(DT_HOUR)).contains(ChronoUnit.HOURS);
        assertThat(TimeLevels.finestUnit(PathTemplate.parse("'dt'=yyyy-MM-dd"))).contains(ChronoUnit.DAYS);
        assertThat(TimeLevels.finestUnit(PathTemplate.parse("'month'=yyyyMM"))).contains(ChronoUnit.MONTHS);
    }

    @Test
    void lettersInQuotesAreNotFields() {
        assertThat(TimeLevels.finestUnit(PathTemplate.parse("'day'=yyyy-MM-dd'Thms'")))
                .contains(ChronoUnit.DAYS);
    }

    @Test
    void fractionsOfSecondsAndZoneNamesAreNeverReused() {
        assertThat(TimeLevels.finestUnit(PathTemplate.parse("'t'=HHmmss.SSS"))).isEmpty();
        assertThat(TimeLevels.finestUnit(PathTemplate.parse("'dt'=yyyy-MM-dd-VV")))
                .isEmpty();
    }

    private static List<PartitionValue> direct(PathTemplate template, ZoneId zone, Instant instant) {
        ZonedDateTime at = instant.atZone(zone);
        List<PartitionValue> values = new ArrayList<>();
        for (PathTemplate.Segment segment : template.segments()) {
            values.add(PartitionValue.of(
                    segment.key(),
                    DateTimeFormatter.ofPattern(segment.pattern())
                            .withZone(zone)
                            .format(at)));
        }
        return values;
    }
}
