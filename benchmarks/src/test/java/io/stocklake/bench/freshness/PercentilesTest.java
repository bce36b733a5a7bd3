package io.stocklake.bench.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void takesTheNearestRankOfEachPercentile() {
        List<Long> latencies = LongStream.rangeClosed(1, 200).boxed().toList();

        Percentiles p = Percentiles.of(latencies);

        assertThat(p.p50()).isEqualTo(100);
        assertThat(p.p99()).isEqualTo(198);
        assertThat(p.max()).isEqualTo(200);
        assertThat(p.count()).isEqualTo(200);
    }

    @Test
    void doesNotDependOnTheOrderOfTheLatencies() {
        assertThat(Percentiles.of(List.of(30L, 10L, 20L))).isEqualTo(Percentiles.of(List.of(10L, 20L, 30L)));
    }

    @Test
    void aSingleLatencyIsEveryPercentile() {
        assertThat(Percentiles.of(List.of(7L))).isEqualTo(new Percentiles(7, 7, 7, 1));
    }

    @Test
    void refusesNoLatencies() {
        assertThatThrownBy(() -> Percentiles.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
