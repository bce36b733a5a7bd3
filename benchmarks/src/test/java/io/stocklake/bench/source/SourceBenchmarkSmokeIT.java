package io.stocklake.bench.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.bench.BenchOptions;
import io.stocklake.bench.source.SourceBenchmark.Results;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ./bench source --smoke} as part of the build: the benchmark still starts, measures and reports. */
class SourceBenchmarkSmokeIT {

    @Test
    void smokeRunMeasuresTheConnectorAndTheProducerOnRecordsOfTheConnectorsSize() throws Exception {
        Results results = new SourceBenchmark().measure(BenchOptions.parse(List.of("--smoke"), "./bench source --smoke"));

        assertThat(results.rounds()).singleElement().satisfies(round -> {
            assertThat(round.connector().records()).isPositive();
            assertThat(round.connector().perSecond()).isPositive();
            assertThat(round.producer().perSecond()).isPositive();
            // JSON values with their schema envelope: far larger than the symbol keys.
            assertThat(round.size().valueBytes()).isGreaterThan(round.size().keyBytes());
            assertThat(round.ratio()).isPositive();
        });
    }
}
