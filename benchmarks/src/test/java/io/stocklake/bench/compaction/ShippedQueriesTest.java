package io.stocklake.bench.compaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.bench.compaction.ShippedQueries.Query;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedQueriesTest {

    @TempDir
    Path folder;

    @Test
    void theQueriesOfTheTableAreReadWithTheirParametersBoundToTheDayAndTheHour() throws Exception {
        Files.writeString(folder.resolve("b_hour.sql"), """
                -- ticks per second in one hour (? = day, ? = hour)
                SELECT count(*)
                FROM awsdatacatalog.stock_market.stock_ticks
                WHERE dt = ? AND hour = ?;
                """);
        Files.writeString(folder.resolve("a_day.sql"), """
                SELECT symbol FROM awsdatacatalog.stock_market.stock_ticks WHERE dt = ?
                """);
        Files.writeString(folder.resolve("bars.sql"), """
                SELECT * FROM awsdatacatalog.stock_market.stock_bars_1m WHERE dt = ?
                """);

        List<Query> queries = ShippedQueries.reading(folder, "stock_ticks", "2026-11-24", "12");

        assertThat(queries).extracting(Query::file).containsExactly("a_day.sql", "b_hour.sql");
        assertThat(queries.get(0).sql())
                .isEqualTo("SELECT symbol FROM awsdatacatalog.stock_market.stock_ticks WHERE dt = '2026-11-24'");
        assertThat(queries.get(1).sql())
                .isEqualTo("SELECT count(*)\nFROM awsdatacatalog.stock_market.stock_ticks\n"
                        + "WHERE dt = '2026-11-24' AND hour = '12'");
    }

    @Test
    void aQueryWithMoreParametersThanTheDayAndTheHourIsRefused() {
        assertThatThrownBy(() -> ShippedQueries.bind("SELECT ? , ?, ?", "2026-11-24", "12"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("More parameters");
    }
}
