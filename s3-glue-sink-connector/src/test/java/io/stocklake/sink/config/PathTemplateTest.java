package io.stocklake.sink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PathTemplateTest {

    @Test
    void weekBasedYearIsRefusedNamingTheFix() {
        assertThatThrownBy(() -> PathTemplate.parse("'year'=YYYY/'month'=MM"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("week-based field 'Y'")
                .hasMessageContaining("use yyyy");
    }

    @Test
    void weekOfYearIsRefused() {
        assertThatThrownBy(() -> PathTemplate.parse("'week'=ww")).hasMessageContaining("week-based field 'w'");
    }

    @Test
    void weekLettersInsideQuotesAreText() {
        assertThat(PathTemplate.parse("'dt'=yyyy'W'MM").keys()).containsExactly("dt");
    }

    @Test
    void calendarYearRendersTheLastMondayOf2025Under2025() {
        PathTemplate template = PathTemplate.parse("'year'=yyyy");

        assertThat(template.segments().get(0).formatter().format(LocalDate.of(2025, 12, 29)))
                .isEqualTo("2025");
    }
}
