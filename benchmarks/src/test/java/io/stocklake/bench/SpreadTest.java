package io.stocklake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void medianOfAnOddNumberOfRunsIsTheMiddleOne() {
        assertThat(Spread.of(List.of(5.0, 1.0, 3.0))).isEqualTo(new Spread(3.0, 1.0, 5.0));
    }

    @Test
    void medianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
        assertThat(Spread.of(List.of(4.0, 1.0, 2.0, 10.0))).isEqualTo(new Spread(3.0, 1.0, 10.0));
    }

    @Test
    void cellsShowTheMedianAndTheRange() {
        assertThat(new Spread(1234.4, 1000.0, 1500.0).cells("%,.0f")).isEqualTo("| 1,234 | 1,000 – 1,500 |");
    }
}
