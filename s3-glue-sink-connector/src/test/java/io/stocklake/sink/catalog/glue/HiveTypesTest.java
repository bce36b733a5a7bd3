package io.stocklake.sink.catalog.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.Column;

class HiveTypesTest {

    private static String type(Schema schema) {
        return HiveTypes.type(schema, TableFormat.JSON, "f");
    }

    @Test
    void primitivesMapToTheirHiveTypes() {
        assertThat(type(Schema.INT8_SCHEMA)).isEqualTo("tinyint");
        assertThat(type(Schema.INT16_SCHEMA)).isEqualTo("smallint");
        assertThat(type(Schema.INT32_SCHEMA)).isEqualTo("int");
        assertThat(type(Schema.INT64_SCHEMA)).isEqualTo("bigint");
        assertThat(type(Schema.FLOAT32_SCHEMA)).isEqualTo("float");
        assertThat(type(Schema.FLOAT64_SCHEMA)).isEqualTo("double");
        assertThat(type(Schema.BOOLEAN_SCHEMA)).isEqualTo("boolean");
        assertThat(type(Schema.STRING_SCHEMA)).isEqualTo("string");
        assertThat(type(Schema.BYTES_SCHEMA)).isEqualTo("binary");
    }

    @Test
    void logicalTypesMapToTimestampDateAndDecimal() {
        assertThat(type(Timestamp.SCHEMA)).isEqualTo("timestamp");
        assertThat(type(Date.SCHEMA)).isEqualTo("date");
        assertThat(type(Decimal.schema(4))).isEqualTo("decimal(38,4)");
        assertThat(type(Decimal.builder(2)
                        .parameter("connect.decimal.precision", "10")
                        .build()))
                .isEqualTo("decimal(10,2)");
    }

    @Test
    void timeIsTextInTextFormatsAndMillisecondsInParquet() {
        assertThat(HiveTypes.type(Time.SCHEMA, TableFormat.CSV, "t")).isEqualTo("string");
        assertThat(HiveTypes.type(Time.SCHEMA, TableFormat.PARQUET, "t")).isEqualTo("int");
    }

    @Test
    void nestedValuesMapToStructArrayAndMap() {
        Schema quote = SchemaBuilder.struct()
                .field("Bid", Schema.FLOAT64_SCHEMA)
                .field("sizes", SchemaBuilder.array(Schema.INT32_SCHEMA).build())
                .build();
        Schema nested = SchemaBuilder.map(Schema.STRING_SCHEMA, quote).build();

        assertThat(type(nested)).isEqualTo("map<string,struct<bid:double,sizes:array<int>>>");
    }

    @Test
    void requiredFieldsAreMarkedAndOptionalOnesAreNot() {
        Schema schema = SchemaBuilder.struct()
                .field("Symbol", Schema.STRING_SCHEMA)
                .field("size", Schema.OPTIONAL_INT32_SCHEMA)
                .build();

        assertThat(HiveTypes.columns(schema, TableFormat.PARQUET))
                .containsExactly(
                        Column.builder()
                                .name("symbol")
                                .type("string")
                                .parameters(Map.of(HiveTypes.REQUIRED_PARAMETER, "true"))
                                .build(),
                        Column.builder().name("size").type("int").build());
    }

    @Test
    void nonStructValuesHaveNoColumns() {
        assertThatThrownBy(() -> HiveTypes.columns(Schema.STRING_SCHEMA, TableFormat.JSON))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("STRUCT");
    }

    @Test
    void invalidDecimalPrecisionNamesTheField() {
        Schema schema = SchemaBuilder.struct()
                .field(
                        "price",
                        Decimal.builder(2)
                                .parameter("connect.decimal.precision", "99")
                                .build())
                .build();

        assertThatThrownBy(() -> HiveTypes.columns(schema, TableFormat.PARQUET))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("price")
                .hasMessageContaining("99");
    }
}
