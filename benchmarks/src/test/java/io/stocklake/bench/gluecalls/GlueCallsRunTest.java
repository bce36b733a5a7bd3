package io.stocklake.bench.gluecalls;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.bench.gluecalls.GlueCallsBenchmark.Run;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlueCallsRunTest {

    private final Run run =
            new Run(500_000, Map.of("GetTable", 1L, "BatchGetPartition", 3L, "BatchCreatePartition", 3L), 12, 40);

    @Test
    void scalesCallsToAMillionRecords() {
        assertThat(run.perMillion(3)).isEqualTo(6.0);
        assertThat(run.total()).isEqualTo(7);
    }

    @Test
    void countsOnlyPartitionCallsPerNewPartition() {
        assertThat(run.partitionCallsPerPartition()).isEqualTo(0.5);
    }

    @Test
    void aRunWithoutNewPartitionsHasNoCallsPerPartition() {
        assertThat(new Run(1_000, Map.of("GetTable", 1L), 0, 0).partitionCallsPerPartition())
                .isZero();
    }
}
