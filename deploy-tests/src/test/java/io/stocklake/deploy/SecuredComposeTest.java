package io.stocklake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The secured overlay ({@code compose.secure.yaml}) beyond the schema: Kafka on SASL_SSL and mutual TLS only, an
 * authorizer that allows nothing unless granted, secrets only as config provider references to what the init step
 * writes, each connector under its own principal with nothing else overridden, and no password on a command line.
 */
class SecuredComposeTest {

    private static final Path SECURE = Project.DOCKER.resolve("secure");
    private static final Pattern FILE_REFERENCE = Pattern.compile("\\$\\{file:([^:}]+):([^}]+)}");
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|jaas).*");
    private static final List<String> CLIENTS = List.of("producer", "consumer", "admin");

    @Test
    void theBrokerSpeaksSaslSslAndMutualTlsOnly() {
        Properties broker = properties(SECURE.resolve("server.properties"));
        List<String> protocols = new ArrayList<>();
        for (String entry : broker.getProperty("listener.security.protocol.map").split(",")) {
            protocols.add(entry.split(":")[1]);
        }

        assertThat(protocols).isNotEmpty().allMatch(p -> p.equals("SASL_SSL") || p.equals("SSL"));
        assertThat(broker.getProperty("listener.name.controller.ssl.client.auth"))
                .isEqualTo("required");
        assertThat(broker.getProperty("sasl.enabled.mechanisms")).isEqualTo("SCRAM-SHA-512");
        assertThat(broker.getProperty("sasl.mechanism.inter.broker.protocol")).isEqualTo("SCRAM-SHA-512");
    }

    @Test
    void theBrokerAllowsNothingWithoutAnAcl() {
        Properties broker = properties(SECURE.resolve("server.properties"));

        assertThat(broker.getProperty("authorizer.class.name"))
                .isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        assertThat(broker.getProperty("allow.everyone.if.no.acl.found")).isEqualTo("false");
        assertThat(broker.getProperty("super.users").split(";"))
                .containsExactlyInAnyOrder("User:broker", "User:admin", "User:CN=kafka");
    }

    @Test
    void theKafkaServiceRunsTheSecuredBrokerConfiguration() {
        JsonNode kafka = Project.compose("compose.secure.yaml").path("services").path("kafka");
        List<String> command = new ArrayList<>();
        kafka.path("command").forEach(part -> command.add(part.asText()));

        assertThat(command).contains("/opt/stocklake/secure/server.properties");
        assertThat(mounts(kafka)).contains("./secure:/opt/stocklake/secure:ro");
        assertThat(kafka.path("healthcheck").path("test").toString())
                .contains("--command-config /etc/kafka/secrets/admin.properties");
    }

    @Test
    void everySecretSettingIsAReferenceToTheSecretsVolume() {
        Map<String, Properties> files = Map.of(
                "server.properties",
                properties(SECURE.resolve("server.properties")),
                "worker.properties",
                properties(SECURE.resolve("worker.properties")));
        files.forEach((name, properties) -> properties.stringPropertyNames().stream()
                .filter(key -> SECRET_KEY.matcher(key).matches())
                .forEach(key -> assertThat(properties.getProperty(key))
                        .as(name + " " + key)
                        .matches("\\$\\{file:/etc/kafka/secrets/[^}]+}")));
    }

    @Test
    void everyReferencedSecretIsOneTheInitStepWrites() {
        String script = read(SECURE.resolve("make-secrets.sh"));
        Set<String> principals = principalsOf(script);
        Set<String> written = new HashSet<>(Set.of(
                "broker-secrets.properties:store.password",
                "broker-secrets.properties:broker.sasl.jaas.config",
                "kafka.properties:truststore.password"));
        principals.stream()
                .filter(p -> !p.equals("broker") && !p.equals("admin"))
                .forEach(p -> written.add("kafka.properties:" + p + ".sasl.jaas.config"));
        List<String> referenced = new ArrayList<>();
        for (Path file : List.of(
                SECURE.resolve("server.properties"),
                SECURE.resolve("worker.properties"),
                Project.DOCKER.resolve("init/overlays/secure/stock-ticks-source.json"),
                Project.DOCKER.resolve("init/overlays/secure/s3-glue-sink.json"))) {
            Matcher reference = FILE_REFERENCE.matcher(read(file));
            while (reference.find()) {
                referenced.add(Path.of(reference.group(1)).getFileName() + ":" + reference.group(2));
            }
        }

        assertThat(script).contains("\"$secrets/broker-secrets.properties\"", "\"$secrets/kafka.properties\"");
        assertThat(referenced)
                .isNotEmpty()
                .allSatisfy(ref -> assertThat(written).contains(ref));
    }

    @Test
    void theFileConfigProvidersMayReadTheSecretsVolumeOnly() {
        for (String file : List.of("server.properties", "worker.properties")) {
            Properties properties = properties(SECURE.resolve(file));

            assertThat(properties.getProperty("config.providers.file.class"))
                    .as(file)
                    .isEqualTo("org.apache.kafka.common.config.provider.FileConfigProvider");
            assertThat(properties.getProperty("config.providers.file.param.allowed.paths"))
                    .as(file)
                    .isEqualTo("/etc/kafka/secrets");
        }
    }

    @Test
    void noPasswordIsAnArgumentOfACommand() {
        String script = read(SECURE.resolve("make-secrets.sh"));

        // keytool reads its store password from the environment; kafka-storage its SCRAM passwords from a JVM
        // argument file, deleted once used.
        assertThat(script).doesNotContainPattern("-(storepass|keypass|srcstorepass|deststorepass) ");
        assertThat(script)
                .contains(
                        "-storepass:env STORE_PASSWORD",
                        "java @\"$secrets/format.args\" > /dev/null",
                        "rm -f \"$secrets/format.args\"");
        assertThat(script.lines().filter(line -> line.contains("--add-scram")))
                .isNotEmpty()
                .allMatch(line -> line.contains(">> \"$secrets/format.args\""));
        assertThat(read(SECURE.resolve("kafka-setup.sh")))
                .contains("--command-config \"$admin\"")
                .doesNotContainIgnoringCase("password");
    }

    @Test
    void theSecuredWorkerIsThePlainOneWithSecurityAdded() {
        Properties plain = properties(Project.DOCKER.resolve("connect/worker.properties"));
        Properties secured = properties(SECURE.resolve("worker.properties"));
        Set<String> changed = Set.of("config.providers", "connector.client.config.override.policy");

        plain.stringPropertyNames().stream()
                .filter(key -> !changed.contains(key))
                .forEach(key -> assertThat(secured.getProperty(key)).as(key).isEqualTo(plain.getProperty(key)));
        assertThat(secured.getProperty("connector.client.config.override.policy"))
                .isEqualTo("Principal");
        assertThat(secured.getProperty("sasl.jaas.config")).contains("connect.sasl.jaas.config");
        for (String prefix : List.of("", "producer.", "consumer.", "admin.")) {
            assertThat(secured.getProperty(prefix + "security.protocol"))
                    .as(prefix)
                    .isEqualTo("SASL_SSL");
        }
        assertThat(secured.stringPropertyNames())
                .noneMatch(key -> CLIENTS.stream().anyMatch(client -> key.equals(client + ".sasl.jaas.config")));
    }

    @Test
    void eachConnectorLogsInAsItselfAndOverridesNothingElse() {
        for (String file : List.of("stock-ticks-source.json", "s3-glue-sink.json")) {
            JsonNode shipped =
                    Project.json(Project.DIR.resolve("connect-configs").resolve(file));
            ObjectNode config = shipped.path("config").deepCopy();
            for (String overlays : List.of("local", "secure")) {
                Path overlay = Project.DOCKER
                        .resolve("init/overlays")
                        .resolve(overlays)
                        .resolve(file);
                if (!Files.exists(overlay)) {
                    continue;
                }
                Project.json(overlay).path("config").fields().forEachRemaining(e -> {
                    if (e.getValue().isNull()) {
                        config.remove(e.getKey());
                    } else {
                        config.set(e.getKey(), e.getValue());
                    }
                });
            }
            String name = shipped.path("name").asText();

            List<String> overrides = new ArrayList<>();
            config.fieldNames().forEachRemaining(key -> {
                if (key.contains(".override.")) {
                    overrides.add(key);
                }
            });
            assertThat(overrides)
                    .as(file)
                    .containsExactlyInAnyOrderElementsOf(CLIENTS.stream()
                            .map(client -> client + ".override.sasl.jaas.config")
                            .toList());
            overrides.forEach(key -> assertThat(config.path(key).asText())
                    .as(file + " " + key)
                    .isEqualTo("${file:/etc/kafka/secrets/kafka.properties:" + name + ".sasl.jaas.config}"));
            assertThat(config.fieldNames()).toIterable().as(file).noneMatch(key -> key.startsWith("topic.creation."));
        }
    }

    @Test
    void theSetupCreatesTheTopicsTheConnectorsWriteSoNoneNeedsToCreateOne() {
        String setup = read(SECURE.resolve("kafka-setup.sh"));
        Set<String> created = new HashSet<>();
        Matcher topic = Pattern.compile("(?m)^topic (\\S+) \\d+$").matcher(setup);
        while (topic.find()) {
            created.add(topic.group(1));
        }

        assertThat(created)
                .contains(
                        Project.json(Project.DIR.resolve("connect-configs/stock-ticks-source.json"))
                                .path("config")
                                .path("topic")
                                .asText(),
                        Project.json(Project.DIR.resolve("connect-configs/s3-glue-sink.json"))
                                .path("config")
                                .path("errors.deadletterqueue.topic.name")
                                .asText());
        assertThat(aclLines()).noneMatch(line -> line.startsWith("User:stock-ticks") && line.endsWith("| CREATE"));
    }

    @Test
    void everyPrincipalWithAclsHasALoginAndEveryConnectorLoginHasAcls() {
        Set<String> principals = principalsOf(read(SECURE.resolve("make-secrets.sh")));
        Set<String> granted = new HashSet<>();
        aclLines().forEach(line -> granted.add(line.split("\\|")[0].trim().substring("User:".length())));

        assertThat(principals).containsAll(granted);
        assertThat(granted).containsExactlyInAnyOrder("connect", "stock-ticks-source", "stock-ticks-s3-glue-sink");
    }

    @Test
    void theSetupKnowsEveryResourceTypeTheAclsName() {
        String setup = read(SECURE.resolve("kafka-setup.sh"));

        aclLines()
                .forEach(line ->
                        assertThat(setup).as(line).contains("    " + line.split("\\|")[1].trim() + ") resource="));
    }

    @Test
    void theSecretsAndSetupStepsRunOnceBeforeWhatNeedsThem() {
        JsonNode services = Project.compose("compose.secure.yaml").path("services");

        assertThat(services.path("kafka-secrets").path("restart").asText()).isEqualTo("no");
        assertThat(services.path("kafka-setup").path("restart").asText()).isEqualTo("no");
        assertThat(services.path("kafka")
                        .path("depends_on")
                        .path("kafka-secrets")
                        .path("condition")
                        .asText())
                .isEqualTo("service_completed_successfully");
        assertThat(services.path("kafka-setup")
                        .path("depends_on")
                        .path("kafka")
                        .path("condition")
                        .asText())
                .isEqualTo("service_healthy");
        assertThat(services.path("connect")
                        .path("depends_on")
                        .path("kafka-setup")
                        .path("condition")
                        .asText())
                .isEqualTo("service_completed_successfully");
        for (String service : List.of("kafka-secrets", "kafka", "kafka-setup", "connect")) {
            assertThat(mounts(services.path(service)))
                    .as(service)
                    .anyMatch(mount -> mount.startsWith("kafka-secrets:/etc/kafka/secrets"));
        }
    }

    private static List<String> aclLines() {
        return read(SECURE.resolve("acls.txt"))
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
    }

    private static Set<String> principalsOf(String script) {
        Matcher list = Pattern.compile("(?m)^principals=\"([^\"]+)\"$").matcher(script);
        assertThat(list.find()).as("principals=\"...\" in make-secrets.sh").isTrue();
        return new HashSet<>(Arrays.asList(list.group(1).split(" ")));
    }

    private static List<String> mounts(JsonNode service) {
        List<String> mounts = new ArrayList<>();
        service.path("volumes").forEach(volume -> mounts.add(volume.asText()));
        return mounts;
    }

    private static Properties properties(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
