package io.stocklake.sink.config.confluent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class JodaPatternTest {

    @Test
    void jodaYearOfEraBecomesTheCalendarYear() {
        assertThat(JodaPattern.toJavaTime("'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH"))
                .isEqualTo("'year'=yyyy/'month'=MM/'day'=dd/'hour'=HH");
    }

    @Test
    void theLastMondayOf2025RendersUnderYear2025() {
        String pattern = JodaPattern.toJavaTime("'year'=YYYY");

        assertThat(DateTimeFormatter.ofPattern(pattern).format(LocalDate.of(2025, 12, 29)))
                .isEqualTo("year=2025");
    }

    @Test
    void weekyearIsRefused() {
        assertThatThrownBy(() -> JodaPattern.toJavaTime("'year'=xxxx"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x' is a week-based field")
                .hasMessageContaining("YYYY");
    }

    @Test
    void weekOfWeekyearIsRefused() {
        assertThatThrownBy(() -> JodaPattern.toJavaTime("'week'=ww")).hasMessageContaining("'w' is a week-based");
    }

    @Test
    void textFieldsAreRefused() {
        assertThatThrownBy(() -> JodaPattern.toJavaTime("'month'=MMM")).hasMessageContaining("'MMM' is not a numeric");
    }

    @Test
    void quotedTextStaysAsItIs() {
        assertThat(JodaPattern.toJavaTime("'week''s year'=yyyy")).isEqualTo("'week''s year'=yyyy");
    }

    @Test
    void charactersJavaTimeReservesAreQuoted() {
        assertThat(JodaPattern.toJavaTime("'d'=yyyy[MM]")).isEqualTo("'d'=yyyy'['MM']'");
    }
}
