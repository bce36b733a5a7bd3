package io.stocklake.sink.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShortDecimalTest {

    private final char[] text = new char[ShortDecimal.MAX_CHARS];

    @Test
    void everyCentPriceUpToTenThousandReadsAsDoubleToStringWritesIt() {
        for (long cents = 1; cents <= 1_000_000; cents++) {
            double price = cents / 100.0;
            assertThat(format(price)).as("%d cents", cents).isEqualTo(Double.toString(price));
        }
    }

    @Test
    void decimalsWithUpToFourFractionDigitsAcrossTheRangeReadAsDoubleToStringWritesThem() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1_000_000; i++) {
            double value = random.nextLong(1, 100_000_000_000L) / 10_000.0 * (random.nextBoolean() ? 1 : -1);
            if (Math.abs(value) >= 1e-3) {
                assertThat(format(value)).as("%s", value).isEqualTo(Double.toString(value));
            }
        }
    }

    @Test
    void wholeNumbersKeepOneFractionDigit() {
        assertThat(format(187.0)).isEqualTo("187.0");
        assertThat(format(-3.0)).isEqualTo("-3.0");
    }

    @Test
    void theEndsOfThePlainRangeAreFormatted() {
        assertThat(format(0.001)).isEqualTo("0.001");
        assertThat(format(9_999_999.9999)).isEqualTo("9999999.9999");
    }

    @Test
    void anyOtherDoubleIsLeftToDoubleToString() {
        for (double value : new double[] {
            0.0,
            -0.0,
            0.0009,
            1e7,
            12_345_678.5,
            0.1 + 0.2,
            1.00001,
            Math.PI,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE
        }) {
            assertThat(ShortDecimal.format(value, text)).as("%s", value).isEqualTo(-1);
        }
    }

    @Test
    void randomDoublesAreEitherLeftAloneOrReadAsDoubleToStringWritesThem() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 1_000_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            int length = ShortDecimal.format(value, text);
            if (length >= 0) {
                assertThat(new String(text, 0, length)).isEqualTo(Double.toString(value));
            }
        }
    }

    private String format(double value) {
        int length = ShortDecimal.format(value, text);
        assertThat(length).as("%s is a short decimal", value).isPositive();
        return new String(text, 0, length);
    }
}
