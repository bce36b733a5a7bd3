package io.stocklake.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadOnlySqlTest {

    @Test
    void admitsASelectWithoutItsTrailingSemicolon() {
        assertThat(ReadOnlySql.check("  SELECT 1;  ")).isEqualTo("SELECT 1");
    }

    @Test
    void admitsWithShowDescribeAndExplainInAnyCase() {
        assertThat(ReadOnlySql.check("with t as (select 1) select * from t")).startsWith("with");
        assertThat(ReadOnlySql.check("show tables")).isEqualTo("show tables");
        assertThat(ReadOnlySql.check("DESCRIBE stock_ticks")).isEqualTo("DESCRIBE stock_ticks");
        assertThat(ReadOnlySql.check("explain select 1")).isEqualTo("explain select 1");
    }

    @Test
    void admitsASelectAfterALeadingComment() {
        assertThat(ReadOnlySql.check("-- bars\nSELECT 1")).isEqualTo("-- bars\nSELECT 1");
    }

    @Test
    void refusesAWriteNamingTheStatement() {
        assertThatThrownBy(() -> ReadOnlySql.check("INSERT INTO stock_ticks VALUES (1)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Read-only")
                .hasMessageContaining("INSERT");
        assertThatThrownBy(() -> ReadOnlySql.check("drop table stock_ticks")).hasMessageContaining("DROP");
    }

    @Test
    void refusesASecondStatement() {
        assertThatThrownBy(() -> ReadOnlySql.check("SELECT 1; DROP TABLE stock_ticks"))
                .hasMessageContaining("one statement");
    }

    @Test
    void aSemicolonInsideALiteralOrCommentIsNotASecondStatement() {
        assertThat(ReadOnlySql.check("SELECT 'a;b', \"c;d\" FROM t /* x; y */ -- z;\n"))
                .contains("'a;b'");
    }

    @Test
    void refusesExplainAnalyzeWhichRunsTheStatement() {
        assertThatThrownBy(() -> ReadOnlySql.check("EXPLAIN ANALYZE SELECT 1")).hasMessageContaining("EXPLAIN ANALYZE");
        assertThatThrownBy(() -> ReadOnlySql.check("explain (type distributed) analyze select 1"))
                .hasMessageContaining("EXPLAIN ANALYZE");
    }

    @Test
    void refusesAnEmptyStatement() {
        assertThatThrownBy(() -> ReadOnlySql.check(" ; ")).hasMessageContaining("Enter");
        assertThatThrownBy(() -> ReadOnlySql.check("-- only a comment")).hasMessageContaining("Enter");
    }
}
