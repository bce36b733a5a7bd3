package io.stocklake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * kubernetes/strimzi/ as a release publishes it (release/target/release/strimzi/): each resource against Strimzi's
 * own CRD schema, the build's archive URLs and sha512, the shipped connector configs, and no secret inline.
 */
class StrimziResourcesTest {

    /** Each KafkaConnector resource and the connect-configs/ document it carries. */
    static final Map<String, String> CONNECTORS = Map.of(
            "stock-ticks-source.yaml", "stock-ticks-source.json",
            "s3-glue-sink.yaml", "s3-glue-sink.json",
            "compaction.yaml", "compaction.json");

    static final Iterable<String> connectorFiles = CONNECTORS.keySet();

    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(secret|password|access\\.key|token).*");

    private static StrimziSchemas kafkaConnect;
    private static StrimziSchemas kafkaConnector;

    @BeforeAll
    static void loadSchemas() {
        kafkaConnect = StrimziSchemas.of("kafkaconnect.yaml");
        kafkaConnector = StrimziSchemas.of("kafkaconnector.yaml");
    }

    @Test
    void kafkaConnectFollowsStrimzisSchema() {
        assertThat(kafkaConnect.validate(connect())).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("connectorFiles")
    void kafkaConnectorFollowsStrimzisSchema(String file) {
        JsonNode connector = resource(file);

        assertThat(connector.path("kind").asText()).isEqualTo("KafkaConnector");
        assertThat(kafkaConnector.validate(connector)).as(file).isEmpty();
    }

    @Test
    void schemaRefusesAMisspeltField() {
        ObjectNode connect = (ObjectNode) connect();
        ObjectNode spec = (ObjectNode) connect.path("spec");
        spec.set("bootstrapServer", spec.remove("bootstrapServers"));

        assertThat(kafkaConnect.validate(connect)).isNotEmpty();
    }

    @Test
    void schemaRefusesAFieldOfTheWrongType() {
        ObjectNode connect = (ObjectNode) connect();
        ((ObjectNode) connect.path("spec")).put("replicas", "three");

        assertThat(kafkaConnect.validate(connect)).isNotEmpty();
    }

    @Test
    void schemaRefusesAnArtifactTypeStrimziCannotFetch() {
        ObjectNode connect = (ObjectNode) connect();
        ((ObjectNode) connect.at("/spec/build/plugins/0/artifacts/0")).put("type", "rar");

        assertThat(kafkaConnect.validate(connect)).isNotEmpty();
    }

    @Test
    void schemaRefusesAConnectorWithAMisspeltField() {
        ObjectNode connector = (ObjectNode) resource("s3-glue-sink.yaml");
        ObjectNode spec = (ObjectNode) connector.path("spec");
        spec.set("taskMax", spec.remove("tasksMax"));

        assertThat(kafkaConnector.validate(connector)).isNotEmpty();
    }

    @Test
    void buildFetchesEachReleaseArchiveAndChecksItsSha512() {
        List<String> plugins = new ArrayList<>();
        for (JsonNode plugin : connect().at("/spec/build/plugins")) {
            String name = plugin.path("name").asText();
            plugins.add(name);
            JsonNode artifact = plugin.path("artifacts").path(0);
            assertThat(plugin.path("artifacts")).as(name).hasSize(1);
            assertThat(artifact.path("type").asText()).as(name).isEqualTo("zip");
            assertThat(artifact.path("url").asText())
                    .as(name)
                    .startsWith("https://")
                    .endsWith("/releases/download/v" + ReleaseDir.VERSION + "/" + name + "-" + ReleaseDir.VERSION
                            + ".zip");
            assertThat(artifact.path("sha512sum").asText())
                    .as(name)
                    .isEqualTo(ReleaseDir.sha512(ReleaseDir.archive(name)));
        }
        assertThat(plugins).containsExactlyInAnyOrderElementsOf(ReleaseDir.ARCHIVES);
    }

    @ParameterizedTest
    @FieldSource("connectorFiles")
    void kafkaConnectorCarriesTheShippedConnectorConfig(String file) {
        JsonNode connector = resource(file);
        JsonNode shipped = Project.json(Project.DIR.resolve("connect-configs").resolve(CONNECTORS.get(file)));
        Map<String, String> expected = strings(shipped.path("config"));
        Map<String, String> actual = strings(connector.at("/spec/config"));
        actual.put("connector.class", connector.at("/spec/class").asText());
        actual.put("tasks.max", connector.at("/spec/tasksMax").asText());
        // Strimzi's cluster enables exactly-once source support, so the source asks for it.
        actual.remove("exactly.once.support");

        assertThat(actual).isEqualTo(expected);
        assertThat(connector.at("/metadata/labels/strimzi.io~1cluster").asText())
                .isEqualTo(connect().at("/metadata/name").asText());
    }

    @Test
    void noSecretIsWrittenInline() {
        List<JsonNode> configs = new ArrayList<>();
        configs.add(connect().at("/spec/config"));
        CONNECTORS.keySet().forEach(file -> configs.add(resource(file).at("/spec/config")));

        for (JsonNode config : configs) {
            config.properties().forEach(entry -> {
                if (SECRET_KEY.matcher(entry.getKey()).matches()) {
                    assertThat(entry.getValue().asText()).as(entry.getKey()).startsWith("${");
                }
            });
        }
        assertThat(connect()
                        .at("/spec/authentication/passwordSecret/secretName")
                        .asText())
                .isNotEmpty();
    }

    @Test
    void directoryConfigProviderReadsOnlyTheMountedSecret() {
        JsonNode spec = connect().path("spec");
        String allowed = spec.path("config")
                .path("config.providers.directory.param.allowed.paths")
                .asText();

        assertThat(spec.path("config").path("config.providers.directory.class").asText())
                .isEqualTo("org.apache.kafka.common.config.provider.DirectoryConfigProvider");
        assertThat(spec.at("/template/connectContainer/volumeMounts/0/mountPath")
                        .asText())
                .isEqualTo(allowed);
        assertThat(spec.at("/template/pod/volumes/0/secret/secretName").asText())
                .isNotEmpty();
    }

    private static JsonNode connect() {
        return resource("kafka-connect.yaml");
    }

    private static JsonNode resource(String file) {
        Path path = ReleaseDir.STRIMZI.resolve(file);
        return StrimziSchemas.read(path);
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new TreeMap<>();
        object.properties()
                .forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        return map;
    }
}
