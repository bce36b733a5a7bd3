package io.stocklake.source.ticks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class TickSchemaTest {

    private final Tick tick =
            new Tick("AAPL", "XNAS", 1_767_623_400_123L, 42, 230.01, 100, 230.00, 230.01, 300, 500, 12_345);

    @Test
    void isANamedVersionedStructWithAnIdentifierNameProtobufAccepts() {
        Schema value = TickSchema.PLAIN.value();

        assertThat(value.name()).matches("[A-Za-z_][A-Za-z0-9_]*");
        assertThat(value.version()).isEqualTo(1);
        assertThat(value.fields())
                .extracting(Field::name)
                .containsExactly(
                        "symbol",
                        "exchange",
                        "event_time",
                        "seq",
                        "price",
                        "size",
                        "bid",
                        "ask",
                        "bid_size",
                        "ask_size",
                        "day_volume");
    }

    @Test
    void aTickMakesAValidStruct() {
        Struct struct = TickSchema.PLAIN.toStruct(tick);

        struct.validate();
        assertThat(struct.getFloat64("price")).isEqualTo(230.01);
        assertThat(struct.getInt64("day_volume")).isEqualTo(12_345);
    }

    @Test
    void thePlainSchemaCarriesNoDescriptions() {
        Schema value = TickSchema.PLAIN.value();

        assertThat(value.doc()).isNull();
        assertThat(value.fields())
                .allSatisfy(field ->
                        assertThat(field.schema().doc()).as(field.name()).isNull());
    }

    @Test
    void theDocumentedSchemaDescribesTheRecordAndEveryField() {
        Schema value = TickSchema.DOCUMENTED.value();

        assertThat(value.doc()).isNotBlank();
        assertThat(value.fields())
                .allSatisfy(field ->
                        assertThat(field.schema().doc()).as(field.name()).isNotBlank());
    }

    @Test
    void bothSchemasHaveTheSameNameVersionFieldsAndTypes() {
        Schema plain = TickSchema.PLAIN.value();
        Schema documented = TickSchema.DOCUMENTED.value();

        assertThat(documented.name()).isEqualTo(plain.name());
        assertThat(documented.version()).isEqualTo(plain.version());
        assertThat(documented.fields())
                .extracting(Field::name, f -> f.schema().type(), f -> f.schema().name())
                .containsExactlyElementsOf(plain.fields().stream()
                        .map(f -> Tuple.tuple(
                                f.name(), f.schema().type(), f.schema().name()))
                        .toList());
    }

    @Test
    void aDocumentedTickMakesTheSameValues() {
        Struct plain = TickSchema.PLAIN.toStruct(tick);
        Struct documented = TickSchema.DOCUMENTED.toStruct(tick);

        documented.validate();
        for (Field field : plain.schema().fields()) {
            assertThat(documented.get(field.name())).as(field.name()).isEqualTo(plain.get(field));
        }
    }

    @Test
    void theJsonConverterWritesTheSchemaAndAnEpochMillisecondTimestamp() throws Exception {
        JsonNode node = json(TickSchema.PLAIN);

        assertThat(node.at("/schema/name").asText()).isEqualTo("StockTick");
        assertThat(node.at("/payload/event_time").asLong()).isEqualTo(1_767_623_400_123L);
        assertThat(node.at("/payload/seq").asLong()).isEqualTo(42);
    }

    @Test
    void descriptionsTravelInEveryJsonRecordOnlyWhenDocumented() throws Exception {
        assertThat(json(TickSchema.PLAIN).at("/schema/fields/0/doc").isMissingNode())
                .isTrue();
        assertThat(json(TickSchema.DOCUMENTED).at("/schema/fields/0/doc").asText())
                .isEqualTo("Ticker symbol.");
    }

    private JsonNode json(TickSchema schema) throws Exception {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true"), false);
        return new ObjectMapper()
                .readTree(converter.fromConnectData("stock-ticks", schema.value(), schema.toStruct(tick)));
    }
}
