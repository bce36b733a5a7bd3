package io.stocklake.source.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.source.market.EpochMicros;
import io.stocklake.source.market.Instrument;
import io.stocklake.source.market.IntradayProfile;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SourceConfigTest {

    @Test
    void withoutSymbolsTheBuiltInUniverseOfTwentyIsUsed() {
        assertThat(new SourceConfig(Map.of()).instruments())
                .hasSize(20)
                .extracting(Instrument::symbol)
                .doesNotHaveDuplicates()
                .contains("AAPL", "BRK.B");
    }

    @Test
    void aConfiguredBuiltInSymbolKeepsItsVenueAndTakesTheGivenPrice() {
        Instrument ko =
                new SourceConfig(Map.of("symbols", "KO:70")).instruments().get(0);

        assertThat(ko.exchange()).isEqualTo("XNYS");
        assertThat(ko.startPrice()).isEqualTo(70);
    }

    @Test
    void anUnknownSymbolTakesTheConfiguredVenueAndVolatility() {
        Instrument acme = new SourceConfig(
                        Map.of("symbols", "ACME", "symbols.exchange", "XASE", "price.volatility", "0.6"))
                .instruments()
                .get(0);

        assertThat(acme).isEqualTo(new Instrument("ACME", "XASE", 100, 0.6));
    }

    @Test
    void generatesTheRequestedNumberOfDistinctSymbols() {
        assertThat(new SourceConfig(Map.of("symbols.generated", "1500")).instruments())
                .hasSize(1500)
                .extracting(Instrument::symbol)
                .doesNotHaveDuplicates()
                .contains("S0001", "S1500");
    }

    @Test
    void aLocalStartTimeIsReadInTheSessionZone() {
        SourceConfig settings = new SourceConfig(Map.of("simulated.start", "2026-01-05T09:30"));

        assertThat(EpochMicros.toInstant(settings.clock().simulatedStartMicros()))
                .isEqualTo(Instant.parse("2026-01-05T14:30:00Z"));
    }

    @Test
    void aStartTimeWithAnOffsetIsTakenAsIs() {
        SourceConfig settings = new SourceConfig(Map.of("simulated.start", "2026-01-05T10:00:00Z"));

        assertThat(EpochMicros.toInstant(settings.clock().simulatedStartMicros()))
                .isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));
    }

    @Test
    void aroundTheClockTheArrivalRateIsFlat() {
        assertThat(new SourceConfig(Map.of("session.calendar", "24x7")).model().intradayProfile())
                .isEqualTo(IntradayProfile.FLAT);
    }

    @Test
    void eachSymbolGetsAnEqualShareOfTheRate() {
        assertThat(new SourceConfig(Map.of("symbols", "A,B,C,D", "ticks.per.second", "100")).ratePerSymbol())
                .isEqualTo(25);
    }

    @Test
    void anInvalidConfigurationIsRefusedWithTheKey() {
        assertThatThrownBy(() -> new SourceConfig(Map.of("session.zone", "Mars/Olympus")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("session.zone");
    }
}
