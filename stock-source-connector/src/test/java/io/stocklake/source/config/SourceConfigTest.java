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

class SourceSettingsTest {

    @Test
    void withoutSymbolsTheBuiltInUniverseOfTwentyIsUsed() {
        assertThat(SourceSettings.parse(Map.of()).universe()).hasSize(20)
                .extracting(Instrument::symbol).doesNotHaveDuplicates().contains("AAPL", "BRK.B");
    }

    @Test
    void aConfiguredBuiltInSymbolKeepsItsVenueAndTakesTheGivenPrice() {
        Instrument ko = SourceSettings.parse(Map.of("symbols", "KO:70")).universe().get(0);

        assertThat(ko.exchange()).isEqualTo("XNYS");
        assertThat(ko.startPrice()).isEqualTo(70);
    }

    @Test
    void anUnknownSymbolTakesTheConfiguredVenueAndVolatility() {
        Instrument acme = SourceSettings.parse(Map.of("symbols", "ACME", "symbols.exchange", "XASE",
                "price.volatility", "0.6")).universe().get(0);

        assertThat(acme).isEqualTo(new Instrument("ACME", "XASE", 100, 0.6));
    }

    @Test
    void generatesTheRequestedNumberOfDistinctSymbols() {
        assertThat(SourceSettings.parse(Map.of("symbols.generated", "1500")).universe()).hasSize(1500)
                .extracting(Instrument::symbol).doesNotHaveDuplicates().contains("S0001", "S1500");
    }

    @Test
    void aLocalStartTimeIsReadInTheSessionZone() {
        SourceSettings settings = SourceSettings.parse(Map.of("simulated.start", "2026-01-05T09:30"));

        assertThat(EpochMicros.toInstant(settings.simulatedStartMicros()))
                .isEqualTo(Instant.parse("2026-01-05T14:30:00Z"));
    }

    @Test
    void aStartTimeWithAnOffsetIsTakenAsIs() {
        SourceSettings settings = SourceSettings.parse(Map.of("simulated.start", "2026-01-05T10:00:00Z"));

        assertThat(EpochMicros.toInstant(settings.simulatedStartMicros()))
                .isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));
    }

    @Test
    void aroundTheClockTheArrivalRateIsFlat() {
        assertThat(SourceSettings.parse(Map.of("session.calendar", "24x7")).intradayProfile())
                .isEqualTo(IntradayProfile.FLAT);
    }

    @Test
    void eachSymbolGetsAnEqualShareOfTheRate() {
        assertThat(SourceSettings.parse(Map.of("symbols", "A,B,C,D", "ticks.per.second", "100")).ratePerSymbol())
                .isEqualTo(25);
    }

    @Test
    void anInvalidConfigurationIsRefusedWithTheKey() {
        assertThatThrownBy(() -> SourceSettings.parse(Map.of("session.zone", "Mars/Olympus")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("session.zone");
    }
}
