package io.stocklake.source.ticks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

class TickSchemaTest {

    private final Tick tick = new Tick("AAPL", "XNAS", 1_767_623_400_123L, 42, 230.01, 100, 230.00, 230.01, 300, 500,
            12_345);

    @Test
    void isANamedVersionedStructWithAnIdentifierNameProtobufAccepts() {
        assertThat(TickSchema.VALUE.name()).matches("[A-Za-z_][A-Za-z0-9_]*");
        assertThat(TickSchema.VALUE.version()).isEqualTo(1);
        assertThat(TickSchema.VALUE.fields()).extracting(Field::name).containsExactly("symbol", "exchange",
                "event_time", "seq", "price", "size", "bid", "ask", "bid_size", "ask_size", "day_volume");
    }

    @Test
    void aTickMakesAValidStruct() {
        Struct struct = TickSchema.toStruct(tick);

        struct.validate();
        assertThat(struct.getFloat64("price")).isEqualTo(230.01);
        assertThat(struct.getInt64("day_volume")).isEqualTo(12_345);
    }

    @Test
    void theJsonConverterWritesTheSchemaAndAnEpochMillisecondTimestamp() throws Exception {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true"), false);

        byte[] json = converter.fromConnectData("stock-ticks", TickSchema.VALUE, TickSchema.toStruct(tick));
        JsonNode node = new ObjectMapper().readTree(json);

        assertThat(node.at("/schema/name").asText()).isEqualTo("StockTick");
        assertThat(node.at("/payload/event_time").asLong()).isEqualTo(1_767_623_400_123L);
        assertThat(node.at("/payload/seq").asLong()).isEqualTo(42);
    }
}
