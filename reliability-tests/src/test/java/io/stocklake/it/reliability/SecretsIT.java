package io.stocklake.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.stack.ConnectRest;
import io.stocklake.stack.ConnectRestException;
import io.stocklake.stack.ConnectorStatus;
import io.stocklake.stack.PipelineStack;
import io.stocklake.testing.StackLifecycle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where the sink's static AWS secret shows up. Through a config provider ({@code ${file:...}}, as the README and the
 * local stack use) it appears nowhere: not in the worker logs, the REST answers, the task configs or the config
 * topic. Given literally, Connect itself stores and returns it (config topic, {@code GET .../config} and
 * {@code .../tasks}) while the connector never logs it and validate answers hide it: what the README states.
 */
class SecretsIT {

    /** Rare enough that any occurrence in a log or answer is this secret. */
    private static final String SECRET = "Zq7-stocklake-secret-4b1e9c";

    private static final String ACCESS_KEY = "AKIASTOCKLAKE4B1E9C";

    static final PipelineStack stack = PipelineStack.builder()
            .workers(1)
            .withGlue()
            .credentials(ACCESS_KEY, SECRET)
            .workerConfig("config.providers", "file")
            .workerConfig("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider")
            .build();

    @RegisterExtension
    @Order(1)
    static final StackLifecycle lifecycle = new StackLifecycle(stack);

    private static Path secretsFile;

    @BeforeAll
    static void writeSecretsFile() throws IOException {
        secretsFile = Files.createTempFile("stocklake-secrets-", ".properties");
        Files.writeString(secretsFile, "aws.access.key.id=" + ACCESS_KEY + "\naws.secret.access.key=" + SECRET + "\n");
    }

    @AfterAll
    static void deleteSecretsFile() throws IOException {
        Files.deleteIfExists(secretsFile);
    }

    @Test
    void aSecretFromAConfigProviderAppearsInNoLogRestAnswerOrConfigTopic() {
        TickLake lake = TickLake.of(stack, "provided-secret");
        lake.create(1);
        Map<String, String> sink = lake.sinkConfig(1);
        sink.put("aws.access.key.id", "${file:" + secretsFile + ":aws.access.key.id}");
        sink.put("aws.secret.access.key", "${file:" + secretsFile + ":aws.secret.access.key}");
        lake.start(sink, lake.sourceConfig(1, "AAPL", 200, 200));
        lake.awaitTicks(200, Duration.ofSeconds(90));
        // The secret reached S3 and Glue: every tick is written and registered.
        List<ConsumerRecord<String, String>> records = lake.awaitAllCommitted(Duration.ofSeconds(90));
        assertThat(lake.audit(records).problems()).isEmpty();

        ConnectRest rest = lake.rest();
        assertThat(Stream.of(
                                rest.connectorConfig(lake.sink()),
                                rest.tasks(lake.sink()),
                                rest.status(lake.sink()),
                                rest.validate(sink.get("connector.class"), sink))
                        .map(String::valueOf))
                .as("REST answers")
                .noneMatch(answer -> answer.contains(SECRET));
        assertThat(configTopic()).as("config topic").doesNotContain(SECRET);
        assertThat(logs()).as("worker and broker logs").doesNotContain(SECRET);
    }

    @Test
    void aLiteralSecretIsStoredByConnectButNeverLoggedAndHiddenInValidateAnswers() {
        String literal = "Lit3ral-stocklake-9d2f17";
        TickLake lake = TickLake.of(stack, "literal-secret");
        lake.create(1);
        Map<String, String> sink = lake.sinkConfig(1);
        sink.put("aws.secret.access.key", literal);
        lake.rest().putConnector(lake.sink(), sink);
        // S3 refuses that secret: the task fails at its start, naming the settings, never the value.
        String trace = awaitFailedTask(lake, Duration.ofSeconds(90));
        assertThat(trace).contains("aws.secret.access.key").doesNotContain(literal);

        ConnectRest rest = lake.rest();
        assertThat(String.valueOf(rest.validate(sink.get("connector.class"), sink)))
                .as("validate answer")
                .doesNotContain(literal)
                .contains("[hidden]");
        assertThat(String.valueOf(rest.status(lake.sink()))).as("status").doesNotContain(literal);
        assertThat(logs()).as("worker and broker logs").doesNotContain(literal);
        // Connect's own behaviour, which is why static secrets belong in a config provider:
        assertThat(String.valueOf(rest.connectorConfig(lake.sink())))
                .as("GET config")
                .contains(literal);
        assertThat(String.valueOf(rest.tasks(lake.sink()))).as("GET tasks").contains(literal);
        assertThat(configTopic()).as("config topic").contains(literal);
    }

    private static String configTopic() {
        return StackTexts.configTopic(stack);
    }

    private static String logs() {
        return StackTexts.logs(stack);
    }

    private static String awaitFailedTask(TickLake lake, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            ConnectorStatus status;
            try {
                status = lake.rest().status(lake.sink());
            } catch (ConnectRestException e) {
                // 404 until the worker has the connector's status.
                TickLake.pause(Duration.ofMillis(500));
                continue;
            }
            for (ConnectorStatus.TaskStatus task : status.tasks()) {
                if ("FAILED".equals(task.state())) {
                    return String.valueOf(task.trace());
                }
            }
            TickLake.pause(Duration.ofMillis(500));
        }
        throw new AssertionError("The sink's task did not fail within " + timeout + ": "
                + lake.rest().status(lake.sink()));
    }
}
