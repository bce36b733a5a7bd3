package io.stocklake.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.source.config.TaskAssignment;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.Test;

class StockTickSourceConnectorTest {

    @Test
    void supportsExactlyOnce() {
        assertThat(new StockTickSourceConnector().exactlyOnceSupport(Map.of())).isEqualTo(ExactlyOnceSupport.SUPPORTED);
    }

    @Test
    void givesEachSymbolToExactlyOneTask() {
        StockTickSourceConnector connector = new StockTickSourceConnector();
        connector.start(Map.of());

        List<Map<String, String>> configs = connector.taskConfigs(3);

        assertThat(configs).hasSize(3);
        for (int symbol = 0; symbol < 20; symbol++) {
            int index = symbol;
            assertThat(configs)
                    .filteredOn(config -> TaskAssignment.of(config).owns(index))
                    .hasSize(1);
        }
    }

    @Test
    void neverStartsMoreTasksThanSymbols() {
        StockTickSourceConnector connector = new StockTickSourceConnector();
        connector.start(Map.of("symbols", "AAPL,KO"));

        assertThat(connector.taskConfigs(8)).hasSize(2);
    }

    @Test
    void refusesToStartOnAnInvalidConfiguration() {
        assertThatThrownBy(() -> new StockTickSourceConnector().start(Map.of("ticks.per.second", "-5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ticks.per.second");
    }

    @Test
    void validatesWithTheCrossFieldRules() {
        var config = new StockTickSourceConnector().validate(Map.of("symbols", "AAPL", "symbols.generated", "5"));

        assertThat(config.configValues())
                .filteredOn(value -> value.name().equals("symbols.generated"))
                .singleElement()
                .satisfies(value -> assertThat(value.errorMessages()).isNotEmpty());
    }
}
