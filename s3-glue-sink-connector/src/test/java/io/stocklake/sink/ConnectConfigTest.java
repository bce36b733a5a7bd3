package io.stocklake.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

/** The shipped example configuration passes the connector's own validation. */
class ConnectConfigTest {

    @Test
    void exampleSinkConfigValidatesWithoutErrors() throws IOException {
        Map<String, Object> request = new ObjectMapper().readValue(Path.of("../connect-configs/s3-sink.json").toFile(),
                new TypeReference<>() { });
        @SuppressWarnings("unchecked")
        Map<String, String> config = (Map<String, String>) request.get("config");

        assertThat(config).containsEntry("connector.class", S3GlueSinkConnector.class.getName());
        assertThat(new S3GlueSinkConnector().validate(config).configValues())
                .flatExtracting(ConfigValue::errorMessages).isEmpty();
    }
}
