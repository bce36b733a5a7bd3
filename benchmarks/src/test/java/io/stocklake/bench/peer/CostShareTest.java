package io.stocklake.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stocklake.bench.peer.PeerBenchmark.Side;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostShareTest {

    @Test
    void theCostShareIsWhatOurSinkAddsToTheNoopSinkOverWhatIcebergAdds() {
        double share = PeerBenchmark.costShare(Map.of(Side.NOOP, 4.0, Side.OURS, 5.0, Side.ICEBERG, 8.0));

        assertThat(share).isCloseTo(0.25, within(1e-9));
    }
}
