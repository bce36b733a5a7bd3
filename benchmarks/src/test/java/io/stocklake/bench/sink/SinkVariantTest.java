package io.stocklake.bench.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SinkVariantTest {

    @Test
    void namesConnectorsAndTablesWithLettersDigitsAndUnderscores() {
        assertThat(SinkVariant.ALL)
                .extracting(SinkVariant::slug)
                .containsExactly("no_op_sink", "json_lines", "csv", "parquet_snappy", "parquet_zstd");
    }

    @Test
    void onlyTheNoopVariantRunsTheNoopSink() {
        assertThat(SinkVariant.ALL).filteredOn(SinkVariant::isNoop).containsExactly(SinkVariant.NOOP);
        assertThat(SinkVariant.ALL)
                .filteredOn(v -> !v.isNoop())
                .extracting(SinkVariant::connectorClass)
                .containsOnly(SinkVariant.OUR_SINK);
    }
}
