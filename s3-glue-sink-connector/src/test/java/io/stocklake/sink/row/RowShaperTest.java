package io.stocklake.sink.row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.sink.catalog.CatalogException;
import io.stocklake.sink.catalog.NoopPartitionCatalog;
import io.stocklake.sink.catalog.PartitionCatalog;
import io.stocklake.sink.catalog.PartitionRegistration;
import io.stocklake.sink.catalog.TableDefinition;
import io.stocklake.sink.catalog.TableRef;
import io.stocklake.sink.config.MetadataColumn;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class RowShaperTest {

    private static final Schema TICK = SchemaBuilder.struct()
            .name("Tick")
            .field("symbol", Schema.STRING_SCHEMA)
            .field("price", Schema.FLOAT64_SCHEMA)
            .build();
    private static final List<MetadataColumn> ALL = List.of(MetadataColumn.values());
    private static final long TIME = 1_764_000_000_000L;

    private static SinkRecord record(Schema keySchema, Object key, Schema schema, Object value) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("trace", "t-1");
        headers.addInt("attempt", 3);
        return new SinkRecord(
                "stock-ticks", 2, keySchema, key, schema, value, 42, TIME, TimestampType.CREATE_TIME, headers);
    }

    private static SinkRecord tick(Object key) {
        return record(null, key, TICK, new Struct(TICK).put("symbol", "AAPL").put("price", 1.5));
    }

    @Test
    void withNothingAskedARecordWithASchemaPassesThroughUntouched() {
        SinkRecord tick = tick("AAPL");

        assertThat(new RowShaper(List.of(), false, new NoopPartitionCatalog()).shape(tick, "t", null))
                .isSameAs(tick);
    }

    @Test
    void metadataColumnsComeFirstTypedAndThenTheValueFields() {
        SinkRecord row = new RowShaper(ALL, false, new NoopPartitionCatalog()).shape(tick("AAPL"), "t", null);

        Schema schema = row.valueSchema();
        assertThat(schema.fields())
                .extracting(Field::name)
                .containsExactly(
                        "kafka_topic",
                        "kafka_partition",
                        "kafka_offset",
                        "kafka_timestamp",
                        "kafka_key",
                        "kafka_headers",
                        "symbol",
                        "price");
        assertThat(schema.field("kafka_timestamp").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
        Struct value = (Struct) row.value();
        assertThat(value.get("kafka_topic")).isEqualTo("stock-ticks");
        assertThat(value.get("kafka_partition")).isEqualTo(2);
        assertThat(value.get("kafka_offset")).isEqualTo(42L);
        assertThat(value.get("kafka_timestamp")).isEqualTo(new Date(TIME));
        assertThat(value.get("kafka_key")).isEqualTo("AAPL");
        assertThat(value.getMap("kafka_headers")).containsExactly(Map.entry("trace", "t-1"), Map.entry("attempt", "3"));
        assertThat(value.get("symbol")).isEqualTo("AAPL");
        assertThat(row.kafkaOffset()).isEqualTo(42);
    }

    @Test
    void theRowSchemaIsTheSameInstanceForTheSameValueSchema() {
        RowShaper shaper = new RowShaper(ALL, false, new NoopPartitionCatalog());

        assertThat(shaper.shape(tick("A"), "t", null).valueSchema())
                .isSameAs(shaper.shape(tick("B"), "t", null).valueSchema());
    }

    @Test
    void aKeyThatIsNotTextIsWrittenAsJsonTextAndBytesAsBase64() {
        RowShaper shaper = new RowShaper(List.of(MetadataColumn.KEY), false, new NoopPartitionCatalog());
        Schema keySchema =
                SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).build();
        byte[] bytes = "raw".getBytes(StandardCharsets.UTF_8);

        SinkRecord structKey = record(keySchema, new Struct(keySchema).put("id", 7L), TICK, tickValue());
        SinkRecord numberKey = record(Schema.INT32_SCHEMA, 7, TICK, tickValue());
        SinkRecord bytesKey = record(Schema.BYTES_SCHEMA, bytes, TICK, tickValue());

        assertThat(keyOf(shaper.shape(structKey, "t", null))).isEqualTo("{\"id\":7}");
        assertThat(keyOf(shaper.shape(numberKey, "t", null))).isEqualTo("7");
        assertThat(keyOf(shaper.shape(bytesKey, "t", null)))
                .isEqualTo(Base64.getEncoder().encodeToString(bytes));
    }

    @Test
    void aTombstoneWithNoOpenFileIsARowOfTheMetadataColumnsAlone() {
        RowShaper shaper = new RowShaper(List.of(MetadataColumn.KEY, MetadataColumn.OFFSET), true, noTables());

        SinkRecord row = shaper.shape(record(null, "AAPL", null, null), "t", null);

        assertThat(row.valueSchema().fields()).extracting(Field::name).containsExactly("kafka_key", "kafka_offset");
        assertThat(((Struct) row.value()).get("kafka_key")).isEqualTo("AAPL");
    }

    @Test
    void aTombstoneJoinsTheOpenFileWithItsValueColumnsNull() {
        RowShaper shaper = new RowShaper(List.of(MetadataColumn.KEY), true, noTables());
        Schema fileSchema = shaper.shape(tick("AAPL"), "t", null).valueSchema();

        SinkRecord row = shaper.shape(record(null, "AAPL", null, null), "t", fileSchema);

        assertThat(row.valueSchema()).isSameAs(fileSchema);
        Struct value = (Struct) row.value();
        assertThat(value.get("kafka_key")).isEqualTo("AAPL");
        assertThat(value.get("symbol")).isNull();
        assertThat(value.get("price")).isNull();
    }

    @Test
    void withTombstonesWrittenEveryValueColumnIsOptional() {
        Schema nested =
                SchemaBuilder.struct().field("venue", Schema.STRING_SCHEMA).build();
        Schema withNested = SchemaBuilder.struct()
                .field("where", nested)
                .field("n", Schema.INT32_SCHEMA)
                .build();
        Struct value = new Struct(withNested)
                .put("where", new Struct(nested).put("venue", "XNAS"))
                .put("n", 1);

        SinkRecord row = new RowShaper(List.of(MetadataColumn.KEY), true, noTables())
                .shape(record(null, "k", withNested, value), "t", null);

        assertThat(row.valueSchema().fields())
                .allSatisfy(f -> assertThat(f.schema().isOptional()).isTrue());
        assertThat(((Struct) row.value()).getStruct("where").get("venue")).isEqualTo("XNAS");
    }

    @Test
    void aValueFieldNamedLikeAMetadataColumnIsABadRecord() {
        Schema clashing = SchemaBuilder.struct()
                .field("Kafka_Offset", Schema.INT64_SCHEMA)
                .build();
        SinkRecord record = record(null, null, clashing, new Struct(clashing).put("Kafka_Offset", 1L));

        assertThatThrownBy(() -> new RowShaper(ALL, false, noTables()).shape(record, "t", null))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("Kafka_Offset")
                .hasMessageContaining("kafka.metadata.columns");
    }

    @Test
    void aSchemalessMapBecomesARowOfItsTablesColumnsDroppingKeysTheTableLacks() {
        Schema table = SchemaBuilder.struct()
                .field("symbol", Schema.OPTIONAL_STRING_SCHEMA)
                .field("price", Schema.OPTIONAL_FLOAT64_SCHEMA)
                .build();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("Symbol", "AAPL");
        map.put("price", 2L);
        map.put("venue", "XNAS");

        SinkRecord row = new RowShaper(List.of(MetadataColumn.OFFSET), false, tables(table))
                .shape(record(null, null, null, map), "t", null);

        assertThat(row.valueSchema().fields())
                .extracting(Field::name)
                .containsExactly("kafka_offset", "symbol", "price");
        Struct value = (Struct) row.value();
        assertThat(value.get("symbol")).isEqualTo("AAPL");
        assertThat(value.get("price")).isEqualTo(2.0);
    }

    @Test
    void aSchemalessValueThatDoesNotFitItsColumnIsABadRecordNamingTheField() {
        Schema table = SchemaBuilder.struct()
                .field("size", Schema.OPTIONAL_INT32_SCHEMA)
                .build();
        SinkRecord record = record(null, null, null, Map.of("size", "large"));

        assertThatThrownBy(() -> new RowShaper(List.of(), false, tables(table)).shape(record, "t", null))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("size")
                .hasMessageContaining("large");
    }

    @Test
    void aSchemalessValueWithoutItsTableFailsWithTheCatalogsError() {
        PartitionCatalog missing = new PartitionCatalog() {
            @Override
            public void ensureTable(TableDefinition definition) {}

            @Override
            public Optional<Schema> valueSchema(TableRef table) {
                throw CatalogException.permanent("Glue table db." + table.name() + " does not exist", null);
            }

            @Override
            public void register(List<PartitionRegistration> partitions) {}
        };
        SinkRecord record = record(null, null, null, Map.of("symbol", "AAPL"));

        assertThatThrownBy(() -> new RowShaper(List.of(), false, missing).shape(record, "ticks", null))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("db.ticks");
    }

    @Test
    void withoutACatalogASchemalessMapIsWrittenAsItIs() {
        SinkRecord record = record(null, null, null, Map.of("symbol", "AAPL"));

        assertThat(new RowShaper(List.of(), false, new NoopPartitionCatalog()).shape(record, "t", null))
                .isSameAs(record);
    }

    private static Struct tickValue() {
        return new Struct(TICK).put("symbol", "AAPL").put("price", 1.5);
    }

    private static String keyOf(SinkRecord row) {
        return ((Struct) row.value()).getString("kafka_key");
    }

    private static PartitionCatalog noTables() {
        return new NoopPartitionCatalog();
    }

    private static PartitionCatalog tables(Schema schema) {
        return new PartitionCatalog() {
            @Override
            public void ensureTable(TableDefinition definition) {}

            @Override
            public Optional<Schema> valueSchema(TableRef table) {
                return Optional.of(schema);
            }

            @Override
            public void register(List<PartitionRegistration> partitions) {}
        };
    }
}
