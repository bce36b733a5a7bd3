package io.stocklake.bench.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.bench.Throughput;
import io.stocklake.bench.source.EndOffsetSampler.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndOffsetSamplerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void rateIsTakenBetweenTheSamplesThatFirstReachTenAndNinetyPercent() {
        List<Sample> samples = List.of(
                new Sample(0, 0),
                new Sample(5 * SECOND, 0), // the writer is still starting: not counted
                new Sample(6 * SECOND, 150), // first at 10% of 1,000
                new Sample(7 * SECOND, 550),
                new Sample(8 * SECOND, 950), // first at 90%
                new Sample(20 * SECOND, 1_000)); // a slow tail: not counted

        Throughput throughput = EndOffsetSampler.window(samples, 1_000, false);

        assertThat(throughput).isEqualTo(new Throughput(800, 2.0));
        assertThat(throughput.perSecond()).isEqualTo(400.0);
    }

    @Test
    void theWritersCpuTimeIsTakenBetweenTheSameSamples() {
        List<Sample> samples = List.of(
                new Sample(0, 0, 0),
                new Sample(6 * SECOND, 150, 4 * SECOND),
                new Sample(7 * SECOND, 550, 5 * SECOND),
                new Sample(8 * SECOND, 950, 7 * SECOND),
                new Sample(20 * SECOND, 1_000, 9 * SECOND));

        Throughput throughput = EndOffsetSampler.window(samples, 1_000, true);

        assertThat(throughput.cpuSeconds()).isEqualTo(3.0);
        assertThat(throughput.cpuSecondsPerMillion()).isEqualTo(3.0 / 800 * 1e6);
    }

    @Test
    void aRunOverWithinOneSampleIsTooShortToMeasure() {
        List<Sample> samples = List.of(new Sample(0, 0), new Sample(SECOND, 1_000));

        assertThatThrownBy(() -> EndOffsetSampler.window(samples, 1_000, false)).hasMessageContaining("too short");
    }
}
