package io.stocklake.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompactionFiguresTest {

    private static final String HOUR_03 = "topics/stock_ticks/dt=2026-11-24/hour=03/";
    private static final String HOUR_04 = "topics/stock_ticks/dt=2026-11-24/hour=04/";

    @Test
    void aQueryReadsTheObjectsOfTheFolderEachPartitionPointsAtAndEachGenerationCountsItsCompactions() {
        List<String> keys = List.of(
                HOUR_03 + "stock-ticks+0+00000000000000000000.parquet",
                HOUR_03 + "stock-ticks+0+00000000000000000100.parquet",
                HOUR_03 + "_compacted/state.json",
                HOUR_03 + "_compacted/g000001-aaaa/part-00000.parquet",
                HOUR_03 + "_compacted/g000002-bbbb/part-00000.parquet",
                HOUR_04 + "stock-ticks+0+00000000000000000200.parquet",
                HOUR_04 + "stock-ticks+1+00000000000000000000.parquet",
                HOUR_04 + "stock-ticks+2+00000000000000000000.parquet");

        CompactionFigures figures = CompactionFigures.of(
                keys,
                List.of("s3://stock-lake/" + HOUR_03 + "_compacted/g000002-bbbb", "s3://stock-lake/" + HOUR_04),
                "stock-lake");

        assertThat(figures).isEqualTo(new CompactionFigures(4, 3, 1, 2));
    }

    @Test
    void beforeAnyCompactionEveryObjectOfThePartitionsIsRead() {
        CompactionFigures figures = CompactionFigures.of(
                List.of(HOUR_04 + "a.parquet", HOUR_04 + "b.parquet", HOUR_04 + ".tmp"),
                List.of("s3://stock-lake/" + HOUR_04.substring(0, HOUR_04.length() - 1)),
                "stock-lake");

        assertThat(figures).isEqualTo(new CompactionFigures(2, 2, 0, 0));
    }
}
