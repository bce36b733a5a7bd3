package io.stocklake.source.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SymbolSpecTest {

    @Test
    void aBareSymbolLeavesPriceAndVolatilityOpen() {
        assertThat(SymbolSpec.parse("AAPL"))
                .isEqualTo(new SymbolSpec("AAPL", OptionalDouble.empty(), OptionalDouble.empty()));
    }

    @Test
    void takesAStartPriceAndAVolatility() {
        assertThat(SymbolSpec.parse(" ACME:12.50:0.6 "))
                .isEqualTo(new SymbolSpec("ACME", OptionalDouble.of(12.5), OptionalDouble.of(0.6)));
    }

    @Test
    void acceptsShareClassSuffixes() {
        assertThat(SymbolSpec.parse("BRK.B:460").symbol()).isEqualTo("BRK.B");
        assertThat(SymbolSpec.parse("BF-B").symbol()).isEqualTo("BF-B");
    }

    @Test
    void rejectsAnEmptyEntry() {
        assertThatThrownBy(() -> SymbolSpec.parse("")).hasMessageContaining("is not SYMBOL");
    }
}
