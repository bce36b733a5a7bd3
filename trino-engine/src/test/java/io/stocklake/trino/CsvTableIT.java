package io.stocklake.trino;

import static io.stocklake.trino.StorageFormat.column;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A typed CSV table (LazySimpleSerDe, comma, one header line), read as Athena reads it. */
@ExtendWith(LocalLakeExtension.class)
class CsvTableIT {
    private static final String HEADER = "symbol,bid,ask,size,ts,day\n";

    private static LocalLake lake;

    @BeforeAll
    static void writeTable(LocalLake localLake) {
        lake = localLake;
        lake.createDatabase("csv_it");
        lake.createTable(
                "csv_it",
                StorageFormat.CSV.table(
                        "quotes",
                        LocalLake.location("csv/quotes/"),
                        List.of(
                                column("symbol", "string"),
                                column("bid", "decimal(10,2)"),
                                column("ask", "decimal(10,2)"),
                                column("size", "int"),
                                column("ts", "timestamp"),
                                column("day", "date")),
                        List.of(),
                        Map.of("classification", "csv", "skip.header.line.count", "1")));
        lake.putObject("csv/quotes/quotes-0.csv", Compression.NONE.compress(HEADER + """
        AAPL,189.70,189.80,100,2026-11-24 03:00:00.001,2026-11-24
        MSFT,413.95,414.05,50,2026-11-24 03:30:00.000,2026-11-24
        """));
        lake.putObject("csv/quotes/quotes-1.csv.gz", Compression.GZIP.compress(HEADER + """
        AAPL,190.10,190.20,25,2026-11-25 00:59:59.999,2026-11-25
        """));
    }

    @Test
    void skipsTheHeaderLineOfEveryFile() {
        assertThat(lake.query("SELECT count(*) FROM csv_it.quotes").onlyValue()).isEqualTo(3L);
    }

    @Test
    void readsEveryColumnWithItsType() {
        QueryResult result =
                lake.query("SELECT symbol, bid, ask, size, ts, day FROM csv_it.quotes WHERE symbol = 'MSFT'");

        assertThat(result.rows())
                .containsExactly(List.of(
                        "MSFT",
                        new BigDecimal("413.95"),
                        new BigDecimal("414.05"),
                        50,
                        LocalDateTime.parse("2026-11-24T03:30:00"),
                        LocalDate.parse("2026-11-24")));
    }

    @Test
    void computesWithTypedColumns() {
        QueryResult result =
                lake.query("SELECT sum(size) AS shares, max(ask - bid) AS widest, max(ts) AS last FROM csv_it.quotes");

        assertThat(result.rows())
                .containsExactly(List.of(175L, new BigDecimal("0.10"), LocalDateTime.parse("2026-11-25T00:59:59.999")));
    }
}
