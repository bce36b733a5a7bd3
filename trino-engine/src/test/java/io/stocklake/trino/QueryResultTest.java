package io.stocklake.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryResultTest {

    @Test
    void keepsSqlNullsAsNullValues() {
        QueryResult result = new QueryResult(List.of("a", "b"), List.of(Arrays.asList("x", null)), 1, 0);

        assertThat(result.rows().get(0)).containsExactly("x", null);
    }

    @Test
    void isNotChangedByTheListsItWasMadeFrom() {
        List<Object> row = new ArrayList<>(List.of("x"));
        List<List<Object>> rows = new ArrayList<>(List.of(row));
        QueryResult result = new QueryResult(List.of("a"), rows, 1, 0);

        row.set(0, "changed");
        rows.add(List.of("added"));

        assertThat(result.rows()).containsExactly(List.of("x"));
    }

    @Test
    void cannotBeChanged() {
        QueryResult result = new QueryResult(List.of("a"), List.of(List.of("x")), 1, 0);

        assertThatThrownBy(() -> result.rows().get(0).set(0, "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void onlyValueIsTheSingleCell() {
        assertThat(new QueryResult(List.of("n"), List.of(List.of(6L)), 6, 0).onlyValue())
                .isEqualTo(6L);
    }

    @Test
    void onlyValueOfSeveralRowsIsRefused() {
        QueryResult result = new QueryResult(List.of("n"), List.of(List.of(1L), List.of(2L)), 2, 0);

        assertThatThrownBy(result::onlyValue)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 rows");
    }

    @Test
    void columnGivesThatColumnsValuesInRowOrder() {
        QueryResult result = new QueryResult(List.of("a", "b"), List.of(List.of("x", 1), List.of("y", 2)), 2, 0);

        assertThat(result.column("b")).containsExactly(1, 2);
    }

    @Test
    void rowOfTheWrongWidthIsRefused() {
        assertThatThrownBy(() -> new QueryResult(List.of("a", "b"), List.of(List.of("x")), 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
