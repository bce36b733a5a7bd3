package io.stocklake.source.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceConfigValidationTest {

    private static List<String> errors(Map<String, String> props) {
        return SourceConfig.errors(SourceConfig.validate(props));
    }

    @Test
    void theDefaultsAreValid() {
        assertThat(errors(Map.of())).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "ticks.per.second; -5; must be greater than 0",
                "ticks.per.second; 0; must be greater than 0",
                "session.zone; America/Atlantis; must be an IANA time zone",
                "symbols; AAPL,msft; is not SYMBOL[:start_price[:volatility]]",
                "symbols; AAPL:abc; start price in 'AAPL:abc' is not a number",
                "symbols; AAPL:1:2:3; is not SYMBOL[:start_price[:volatility]]",
                "symbols; AAPL,KO,AAPL:150; duplicate symbol AAPL",
                "symbols; ACME:10:7.5; volatility in 'ACME:10:7.5' is out of range",
                "symbols; ACME:10:0; volatility in 'ACME:10:0' is out of range",
                "symbols; ACME:-3; start price in 'ACME:-3' must be greater than 0",
                "price.volatility; 4; must be greater than 0 and at most 3",
                "simulated.start; next tuesday; must be an ISO-8601 date-time",
                "simulated.start; 2026-13-40T09:30; must be an ISO-8601 date-time",
                "session.open; 9.30; must be a time of day",
                "clock; sundial; String must be one of: realtime, simulated",
                "session.calendar; lse; String must be one of: nyse, weekdays, 24x7",
                "symbols.exchange; nasdaq; must be a four-character MIC code",
                "max.ticks; -1; Value must be at least 0",
                "seed; twelve; Not a number of type LONG",
            })
    void aBadValueIsRejectedWithAMessageNamingTheKey(String key, String value, String problem) {
        assertThat(errors(Map.of(key, value)))
                .singleElement()
                .asString()
                .contains("configuration " + key)
                .contains(problem);
    }

    @Test
    void generatedSymbolsAndAListOfSymbolsExcludeEachOther() {
        assertThat(errors(Map.of("symbols", "AAPL", "symbols.generated", "10")))
                .singleElement()
                .asString()
                .contains("symbols.generated cannot be combined with symbols");
    }

    @Test
    void theSessionMustCloseAfterItOpens() {
        assertThat(errors(Map.of("session.open", "16:00", "session.close", "09:30")))
                .singleElement()
                .asString()
                .contains("session.close must be after session.open");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(errors(Map.of("ticks.per.second", "-1", "session.zone", "Nowhere")))
                .hasSize(2);
    }
}
