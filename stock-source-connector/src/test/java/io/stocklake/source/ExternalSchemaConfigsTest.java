package io.stocklake.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stocklake.source.ticks.Tick;
import io.stocklake.source.ticks.TickSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

/**
 * The shipped pair of configurations that keeps the schema out of the records: the source's converter writes the
 * payload alone, and the sink's converter is given the tick schema once ({@code value.converter.schema.content}).
 */
class ExternalSchemaConfigsTest {

    private static final String SOURCE = "stock-ticks-source-external-schema.json";
    private static final String SINK = "s3-glue-sink-external-schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Tick tick =
            new Tick("AAPL", "XNAS", 1_767_623_400_123L, 42, 230.01, 100, 230.00, 230.01, 300, 500, 12_345);

    @Test
    void theSourceWritesTheTickPayloadWithoutItsSchema() throws IOException {
        JsonNode written = JSON.readTree(write(tick));

        assertThat(written.has("schema")).isFalse();
        assertThat(written.path("symbol").asText()).isEqualTo("AAPL");
        assertThat(written.path("event_time").asLong()).isEqualTo(1_767_623_400_123L);
    }

    @Test
    void theSinkReadsBackTheStructTheSourceWrote() throws IOException {
        SchemaAndValue read = valueConverter(SINK).toConnectData("stock-ticks", write(tick));

        Struct expected = TickSchema.PLAIN.toStruct(tick);
        assertThat(read.schema()).isEqualTo(expected.schema());
        assertThat(read.value()).isEqualTo(expected);
    }

    @Test
    void theSinkIsGivenTheSourcesTickSchema() throws IOException {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of(), false);

        assertThat(JSON.readTree(config(SINK).get("value.converter.schema.content")))
                .isEqualTo(converter.asJsonSchema(TickSchema.PLAIN.value()));
    }

    @Test
    void eachDiffersFromTheDefaultConfigurationOnlyInItsValueConverter() throws IOException {
        assertThat(withoutValueConverter(config(SOURCE)))
                .isEqualTo(withoutValueConverter(config("stock-ticks-source.json")));
        assertThat(withoutValueConverter(config(SINK))).isEqualTo(withoutValueConverter(config("s3-glue-sink.json")));
    }

    private byte[] write(Tick tick) throws IOException {
        Struct value = TickSchema.PLAIN.toStruct(tick);
        return valueConverter(SOURCE).fromConnectData("stock-ticks", value.schema(), value);
    }

    /** The value converter a worker makes from this file's {@code value.converter.*} keys. */
    private static JsonConverter valueConverter(String file) throws IOException {
        Map<String, String> config = config(file);
        assertThat(config).containsEntry("value.converter", JsonConverter.class.getName());
        Map<String, String> settings = new HashMap<>();
        config.forEach((key, value) -> {
            if (key.startsWith("value.converter.")) {
                settings.put(key.substring("value.converter.".length()), value);
            }
        });
        JsonConverter converter = new JsonConverter();
        converter.configure(settings, false);
        return converter;
    }

    private static Map<String, String> withoutValueConverter(Map<String, String> config) {
        Map<String, String> rest = new HashMap<>(config);
        rest.keySet().removeIf(key -> key.startsWith("value.converter"));
        return rest;
    }

    private static Map<String, String> config(String file) throws IOException {
        Map<String, Object> request =
                JSON.readValue(Path.of("../connect-configs", file).toFile(), new TypeReference<>() {});
        @SuppressWarnings("unchecked")
        Map<String, String> config = (Map<String, String>) request.get("config");
        return config;
    }
}
