package io.stocklake.sink.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class LineGeneratorTest {

    private static final JsonFactory JSON = new JsonFactory();

    private final AtomicInteger created = new AtomicInteger();
    private final LineGenerator<JsonGenerator> lines = new LineGenerator<>(target -> {
        created.incrementAndGet();
        JsonGenerator json = JSON.createGenerator(target);
        json.setRootValueSeparator(null);
        return json;
    });

    @Test
    void linesOfAFileShareOneGenerator() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();

        for (int i = 0; i < 3; i++) {
            int n = i;
            lines.write(
                    json -> {
                        json.writeStartObject();
                        json.writeNumberField("n", n);
                        json.writeEndObject();
                        json.writeRaw('\n');
                    },
                    file);
        }

        assertThat(file.toString(StandardCharsets.UTF_8)).isEqualTo("{\"n\":0}\n{\"n\":1}\n{\"n\":2}\n");
        assertThat(created).hasValue(1);
    }

    @Test
    void aLineThatFailsHalfwayWritesNothingAndTheNextLineStartsClean() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();

        assertThatThrownBy(() -> lines.write(
                        json -> {
                            json.writeStartObject();
                            json.writeStringField("symbol", "AAPL");
                            throw new DataException("bad field");
                        },
                        file))
                .isInstanceOf(DataException.class);
        lines.write(
                json -> {
                    json.writeStartObject();
                    json.writeStringField("symbol", "MSFT");
                    json.writeEndObject();
                    json.writeRaw('\n');
                },
                file);

        assertThat(file.toString(StandardCharsets.UTF_8)).isEqualTo("{\"symbol\":\"MSFT\"}\n");
    }
}
