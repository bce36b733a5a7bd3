package io.stocklake.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageQueriesTest {

    @TempDir
    Path athena;

    @Test
    void listsTheShippedQueriesByFileNameWithoutTheDdlFolder() throws Exception {
        Files.writeString(athena.resolve("top_movers.sql"), "SELECT 1");
        Files.writeString(athena.resolve("ohlcv_1m.sql"), "SELECT 2");
        Files.createDirectories(athena.resolve("ddl"));
        Files.writeString(athena.resolve("ddl").resolve("table.sql"), "CREATE TABLE t (x int)");

        assertThat(PageQueries.load(athena).shippedNames()).containsExactly("ohlcv_1m", "top_movers");
    }

    @Test
    void narrowsAQueryToASymbolAsItsLastParameter() {
        PageQueries queries =
                new PageQueries(java.util.Map.of("bars", "SELECT symbol FROM t WHERE dt = ?;\n"), java.util.Map.of());

        PageQueries.Statement statement = queries.statement("bars", "AAPL", List.of("2026-11-24"));

        assertThat(statement.sql()).isEqualTo("SELECT * FROM (\nSELECT symbol FROM t WHERE dt = ?\n) WHERE symbol = ?");
        assertThat(statement.parameters()).containsExactly("2026-11-24", "AAPL");
    }

    @Test
    void withoutASymbolRunsTheQueryAsShippedWithDefaultParameters() {
        PageQueries queries =
                new PageQueries(java.util.Map.of("hourly", "SELECT 1 WHERE dt = ? AND hour = ?"), java.util.Map.of());

        PageQueries.Statement statement = queries.statement("hourly", null, List.of());

        assertThat(statement.sql()).isEqualTo("SELECT 1 WHERE dt = ? AND hour = ?");
        assertThat(statement.parameters()).hasSize(2);
        assertThat(statement.parameters().get(0)).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(statement.parameters().get(1)).matches("\\d{2}");
    }

    @Test
    void loadsThePagesOwnQueriesFromTheClasspath() {
        PageQueries queries = PageQueries.load(athena);

        assertThat(queries.sql("spread_1m")).contains("ask - bid");
        assertThat(queries.sql("vwap_running")).contains("OVER (PARTITION BY symbol");
        assertThat(queries.shippedNames()).isEmpty();
    }

    @Test
    void refusesAnUnknownNameListingTheKnownOnes() throws Exception {
        Files.writeString(athena.resolve("top_movers.sql"), "SELECT 1");

        assertThatThrownBy(() -> PageQueries.load(athena).sql("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("top_movers");
    }
}
