package io.stocklake.sink.catalog.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.sink.catalog.CatalogException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.Column;

class ConnectSchemasTest {

    private static Column column(String name, String type) {
        return Column.builder().name(name).type(type).build();
    }

    @Test
    void theColumnsReadBackAsTheHiveTypesTheyDeclare() {
        List<Column> columns = List.of(
                column("symbol", "string"),
                column("n", "tinyint"),
                column("qty", "int"),
                column("seq", "bigint"),
                column("price", "double"),
                column("ratio", "float"),
                column("ok", "boolean"),
                column("at", "timestamp"),
                column("day", "date"),
                column("amount", "decimal(18,4)"),
                column("raw", "binary"),
                column("venue", "varchar(10)"),
                column("tags", "array<string>"),
                column("headers", "map<string,string>"),
                column("quote", "struct<bid:double,ask:double,sizes:array<int>>"));

        Schema schema = ConnectSchemas.of("db.t", columns);

        for (Column column : columns) {
            assertThat(HiveTypes.type(schema.field(column.name()).schema(), TableFormat.PARQUET, column.name()))
                    .as(column.name())
                    .isEqualTo(column.type());
        }
        assertThat(schema.fields())
                .allSatisfy(f -> assertThat(f.schema().isOptional()).isTrue());
    }

    @Test
    void aColumnTheSinkMarkedRequiredIsRequired() {
        Column required = column("symbol", "string").toBuilder()
                .parameters(Map.of(HiveTypes.REQUIRED_PARAMETER, "true"))
                .build();

        assertThat(ConnectSchemas.of("db.t", List.of(required))
                        .field("symbol")
                        .schema()
                        .isOptional())
                .isFalse();
    }

    @Test
    void aTypeWithoutConnectFormIsAPermanentFailureNamingTheColumn() {
        assertThatThrownBy(() -> ConnectSchemas.of("db.t", List.of(column("u", "uniontype<int,string>"))))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("column u of Glue table db.t")
                .satisfies(
                        e -> assertThat(((CatalogException) e).permanentCause()).isNotNull());
    }
}
