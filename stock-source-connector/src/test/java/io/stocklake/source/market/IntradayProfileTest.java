package io.stocklake.source.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntradayProfileTest {

    @Test
    void averagesToOneOverTheSessionSoTheRateIsTheMeanRate() {
        IntradayProfile profile = new IntradayProfile(3);
        int steps = 100_000;
        double sum = 0;
        for (int i = 0; i < steps; i++) {
            sum += profile.factor((i + 0.5) / steps);
        }
        assertThat(sum / steps).isCloseTo(1, within(1e-6));
    }

    @Test
    void isBusiestAtTheOpenAndCloseAndQuietestAtMidday() {
        IntradayProfile profile = new IntradayProfile(3);

        assertThat(profile.factor(0)).isEqualTo(2);
        assertThat(profile.factor(1)).isEqualTo(2);
        assertThat(profile.factor(0.5)).isEqualTo(0.5);
    }

    @Test
    void zeroCurvatureIsFlat() {
        assertThat(IntradayProfile.FLAT.factor(0.1)).isEqualTo(1);
        assertThat(IntradayProfile.FLAT.factor(0.5)).isEqualTo(1);
    }
}
