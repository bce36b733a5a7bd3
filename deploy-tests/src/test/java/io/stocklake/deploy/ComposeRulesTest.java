package io.stocklake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The project's own rules for its compose files, beyond what the Compose Specification demands. */
class ComposeRulesTest {

    static final Iterable<String> composeFiles = Project.COMPOSE_FILES;

    /** A tag with a version of at least major.minor, e.g. {@code 4.3.1}, {@code v3.5.0} or {@code 0.1.0-SNAPSHOT}. */
    static final Pattern PINNED_IMAGE = Pattern.compile("[a-z0-9./_-]+:v?[0-9]+\\.[0-9]+[A-Za-z0-9._-]*");

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(SECRET|PASSWORD|TOKEN|ACCESS_KEY|PRIVATE).*");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[A-Z0-9_]+(:?[-?][^}]*)?}");
    private static final Pattern AWS_ACCESS_KEY_ID = Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b");

    @ParameterizedTest
    @FieldSource("composeFiles")
    void everyImageTagIsPinnedToAVersion(String file) {
        List<String> images = new ArrayList<>();
        services(Project.compose(file))
                .filter(s -> s.getValue().has("image"))
                .forEach(s -> images.add(s.getValue().path("image").asText()));

        assertThat(images)
                .allSatisfy(image -> assertThat(image).matches(PINNED_IMAGE).doesNotContain(":latest"));
    }

    @ParameterizedTest
    @FieldSource("composeFiles")
    void everyLongRunningServiceHasAHealthCheck(String file) {
        JsonNode base = Project.compose("compose.yaml").path("services");
        services(Project.compose(file))
                .filter(s -> !"no".equals(s.getValue().path("restart").asText("no")))
                .filter(s -> !base.has(s.getKey())
                        || file.equals("compose.yaml")) // overlays of a base service keep its check
                .forEach(s -> assertThat(
                                s.getValue().path("healthcheck").path("test").isMissingNode())
                        .as("health check of " + s.getKey())
                        .isFalse());
    }

    @Test
    void oneShotServicesAreNotRestarted() {
        JsonNode init = Project.compose("compose.yaml").path("services").path("init");

        assertThat(init.path("restart").asText()).isEqualTo("no");
    }

    @ParameterizedTest
    @FieldSource("composeFiles")
    void dataLivesInNamedVolumesAndHostFilesAreMountedReadOnly(String file) {
        JsonNode base = Project.compose("compose.yaml");
        JsonNode overlay = Project.compose(file);
        services(overlay)
                .forEach(service -> service.getValue().path("volumes").forEach(volume -> {
                    String[] parts = volume.asText().split(":");
                    String source = parts[0];
                    if (source.startsWith(".") || source.startsWith("/")) {
                        assertThat(parts)
                                .as("bind mount " + volume.asText() + " of " + service.getKey())
                                .hasSize(3);
                        assertThat(parts[2])
                                .as("bind mount " + volume.asText() + " of " + service.getKey())
                                .isEqualTo("ro");
                    } else {
                        assertThat(base.path("volumes").has(source)
                                        || overlay.path("volumes").has(source))
                                .as("named volume " + source + " declared")
                                .isTrue();
                    }
                }));
    }

    @ParameterizedTest
    @FieldSource("composeFiles")
    void secretLookingVariablesComeFromTheEnvironmentNotTheFile(String file) {
        services(Project.compose(file)).forEach(service -> {
            JsonNode environment = service.getValue().path("environment");
            if (environment.isObject()) {
                environment.fields().forEachRemaining(e -> {
                    if (SECRET_NAME.matcher(e.getKey()).matches()) {
                        assertThat(e.getValue().asText())
                                .as(e.getKey() + " of " + service.getKey())
                                .matches(VARIABLE);
                    }
                });
            } else {
                // List form: NAME alone passes the caller's value through; NAME=value would be a literal.
                environment.forEach(entry -> {
                    if (SECRET_NAME.matcher(entry.asText()).matches()) {
                        assertThat(entry.asText())
                                .as("entry of " + service.getKey())
                                .doesNotContain("=");
                    }
                });
            }
        });
    }

    @Test
    void noDeploymentFileHoldsAnAwsAccessKey() throws IOException {
        try (Stream<Path> files = Files.walk(Project.DOCKER)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    assertThat(Files.readString(file)).as(file.toString()).doesNotContainPattern(AWS_ACCESS_KEY_ID);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Test
    void overlaysNameCredentialsOnlyThroughTheWorkersConfigProvider() throws IOException {
        try (Stream<Path> overlays = Files.walk(Project.DOCKER.resolve("init/overlays"))) {
            overlays.filter(f -> f.toString().endsWith(".json"))
                    .forEach(overlay -> Project.json(overlay)
                            .path("config")
                            .fields()
                            .forEachRemaining(e -> {
                                if (e.getKey().startsWith("aws.") && e.getKey().contains("key")) {
                                    assertThat(e.getValue().asText())
                                            .as(overlay + " " + e.getKey())
                                            .matches("\\$\\{env:[A-Z_]+}");
                                }
                            }));
        }
    }

    @Test
    void initDeploysTheShippedConnectConfigs() {
        JsonNode volumes =
                Project.compose("compose.yaml").path("services").path("init").path("volumes");
        String configs = null;
        for (JsonNode volume : volumes) {
            String[] parts = volume.asText().split(":");
            if (parts[1].equals("/configs")) {
                configs = parts[0];
            }
        }

        assertThat(configs).as("a mount at /configs").isNotNull();
        assertThat(Project.DOCKER.resolve(configs).normalize()).isEqualTo(Project.DIR.resolve("connect-configs"));
    }

    @Test
    void everyOverlayAppliesToAShippedConfig() throws IOException {
        try (Stream<Path> overlays = Files.walk(Project.DOCKER.resolve("init/overlays"))) {
            List<Path> files =
                    overlays.filter(f -> f.toString().endsWith(".json")).toList();

            assertThat(files)
                    .isNotEmpty()
                    .allSatisfy(overlay -> assertThat(
                                    Project.DIR.resolve("connect-configs").resolve(overlay.getFileName()))
                            .exists());
        }
    }

    @Test
    void overlayMountsOfTheInitContainerExist() {
        for (String file : Project.COMPOSE_FILES) {
            for (JsonNode volume :
                    Project.compose(file).path("services").path("init").path("volumes")) {
                String source = volume.asText().split(":")[0];
                assertThat(Project.DOCKER.resolve(source))
                        .as(file + ": " + volume.asText())
                        .isDirectory();
            }
        }
    }

    @Test
    void theInitScriptsDefaultConnectorsAreShippedConfigs() throws IOException {
        String script = Files.readString(Project.DOCKER.resolve("init/deploy-connectors.sh"));
        var defaults = Pattern.compile("connectors=\\$\\{CONNECTORS:-([^}]*)}").matcher(script);

        assertThat(defaults.find()).isTrue();
        assertThat(defaults.group(1).split(" "))
                .isNotEmpty()
                .allSatisfy(name -> assertThat(
                                Project.DIR.resolve("connect-configs").resolve(name))
                        .exists());
    }

    @ParameterizedTest
    @FieldSource("composeFiles")
    void dependenciesNameServicesOfTheStack(String file) {
        JsonNode base = Project.compose("compose.yaml").path("services");
        JsonNode overlay = Project.compose(file).path("services");
        services(Project.compose(file))
                .forEach(service -> service.getValue()
                        .path("depends_on")
                        .fieldNames()
                        .forEachRemaining(dependency -> assertThat(base.has(dependency) || overlay.has(dependency))
                                .as(service.getKey() + " depends on " + dependency)
                                .isTrue()));
    }

    private static Stream<Map.Entry<String, JsonNode>> services(JsonNode compose) {
        List<Map.Entry<String, JsonNode>> services = new ArrayList<>();
        compose.path("services").fields().forEachRemaining(services::add);
        return services.stream();
    }
}
