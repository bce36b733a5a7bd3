package io.stocklake.sink.row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class MapRowsTest {

    private static final Schema TIMESTAMP = Timestamp.builder().optional().build();
    private static final Schema AMOUNT = Decimal.builder(2).optional().build();

    @Test
    void timestampsTakeIsoTextWithOrWithoutOffsetAndEpochMillis() {
        long millis = Instant.parse("2026-11-24T03:04:05.678Z").toEpochMilli();

        assertThat(MapRows.convert(TIMESTAMP, "2026-11-24T04:04:05.678+01:00", "at"))
                .isEqualTo(new Date(millis));
        assertThat(MapRows.convert(TIMESTAMP, "2026-11-24 03:04:05.678", "at")).isEqualTo(new Date(millis));
        assertThat(MapRows.convert(TIMESTAMP, millis, "at")).isEqualTo(new Date(millis));
    }

    @Test
    void aDecimalTakesItsColumnsScaleOnlyWithoutRounding() {
        assertThat(MapRows.convert(AMOUNT, 1.5, "amount")).isEqualTo(new BigDecimal("1.50"));
        assertThatThrownBy(() -> MapRows.convert(AMOUNT, "1.005", "amount"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("amount");
    }

    @Test
    void anIntegerOutOfItsColumnsRangeIsABadRecord() {
        assertThat(MapRows.convert(Schema.OPTIONAL_INT32_SCHEMA, 7L, "qty")).isEqualTo(7);
        assertThatThrownBy(() -> MapRows.convert(Schema.OPTIONAL_INT32_SCHEMA, 3_000_000_000L, "qty"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("qty");
        assertThatThrownBy(() -> MapRows.convert(Schema.OPTIONAL_INT32_SCHEMA, 1.5, "qty"))
                .isInstanceOf(DataException.class);
    }

    @Test
    void nestedObjectsAndArraysFollowTheirColumnTypes() {
        Schema quote = SchemaBuilder.struct()
                .field("bid", Schema.OPTIONAL_FLOAT64_SCHEMA)
                .field(
                        "sizes",
                        SchemaBuilder.array(Schema.OPTIONAL_INT32_SCHEMA)
                                .optional()
                                .build())
                .optional()
                .build();

        Struct converted = (Struct) MapRows.convert(quote, Map.of("BID", 1L, "sizes", List.of(1L, 2L)), "quote");

        assertThat(converted.get("bid")).isEqualTo(1.0);
        assertThat(converted.getArray("sizes")).containsExactly(1, 2);
    }

    @Test
    void aMissingRequiredColumnIsABadRecordNamingIt() {
        Schema table =
                SchemaBuilder.struct().field("symbol", Schema.STRING_SCHEMA).build();

        assertThatThrownBy(() -> new MapRows("db.t", table).toStruct(Map.of("price", 1.0)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("symbol")
                .hasMessageContaining("required");
    }

    @Test
    void keysTheTableLacksAreDroppedAndCounted() {
        Schema table = SchemaBuilder.struct()
                .field("symbol", Schema.OPTIONAL_STRING_SCHEMA)
                .build();
        MapRows rows = new MapRows("db.t", table);

        Struct row = rows.toStruct(Map.of("symbol", "AAPL", "venue", "XNAS"));

        assertThat(row.schema().fields()).hasSize(1);
        assertThat(rows.droppedKeys()).isEqualTo(1);
    }
}
