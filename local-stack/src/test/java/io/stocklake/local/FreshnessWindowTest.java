package io.stocklake.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FreshnessWindowTest {

    @Test
    void hasNoPercentilesWithoutSamples() {
        FreshnessWindow window = new FreshnessWindow(10);

        assertThat(window.percentile(50)).isNull();
        assertThat(window.latest()).isNull();
    }

    @Test
    void takesNearestRankPercentiles() {
        FreshnessWindow window = new FreshnessWindow(100);
        for (int s = 100; s >= 1; s--) {
            window.add(Duration.ofSeconds(s));
        }

        assertThat(window.percentile(50)).isEqualTo(Duration.ofSeconds(50));
        assertThat(window.percentile(99)).isEqualTo(Duration.ofSeconds(99));
        assertThat(window.latest()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void keepsOnlyTheLastSamples() {
        FreshnessWindow window = new FreshnessWindow(2);
        window.add(Duration.ofSeconds(90));
        window.add(Duration.ofSeconds(3));
        window.add(Duration.ofSeconds(5));

        assertThat(window.size()).isEqualTo(2);
        assertThat(window.percentile(99)).isEqualTo(Duration.ofSeconds(5));
    }
}
