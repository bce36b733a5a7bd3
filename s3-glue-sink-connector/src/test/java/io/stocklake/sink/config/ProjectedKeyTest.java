package io.stocklake.sink.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProjectedKeyTest {

    private static ProjectedKey of(String pattern) {
        return ProjectedKey.of(new PathTemplate.Segment("k", pattern));
    }

    @Test
    void datePatternStepsByItsFinestField() {
        assertThat(of("yyyy-MM-dd")).isEqualTo(new ProjectedKey("k", "date", "yyyy-MM-dd", "DAYS", null, 0));
        assertThat(of("yyyy-MM-dd-HH").unit()).isEqualTo("HOURS");
        assertThat(of("yyyyMM").unit()).isEqualTo("MONTHS");
        assertThat(of("uuuu").unit()).isEqualTo("YEARS");
    }

    @Test
    void loneFieldsAreIntegersWithTheirRange() {
        assertThat(of("HH")).isEqualTo(new ProjectedKey("k", "integer", null, null, "0,23", 2));
        assertThat(of("H").digits()).isZero();
        assertThat(of("mm").range()).isEqualTo("0,59");
        assertThat(of("MM").range()).isEqualTo("1,12");
        assertThat(of("dd").range()).isEqualTo("1,31");
    }

    @Test
    void patternsAthenaCannotComputeAreNotProjected() {
        assertThat(of("EEE")).isNull();
        assertThat(of("MM-dd")).isNull();
        assertThat(of("'h'HH")).isNull();
        assertThat(of("yyyy-MM-dd a")).isNull();
    }
}
