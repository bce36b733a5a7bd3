package io.stocklake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What the Dockerfiles take from the build context (the repository root) exists once {@code ./mvnw package} has
 * run: the plugin archives under {@code *}{@code /target/}, the lake's classpath, the scripts. This module is built
 * after the modules that make them.
 */
class DockerfilesTest {

    static final Iterable<String> dockerfiles = Project.DOCKERFILES;

    @ParameterizedTest
    @FieldSource("dockerfiles")
    void everyFileTheDockerfileCopiesExistsAfterPackage(String dockerfile) throws IOException {
        List<String> sources = copiedFromContext(dockerfile);

        assertThat(sources)
                .isNotEmpty()
                .allSatisfy(source -> assertThat(matching(source))
                        .as(dockerfile + " copies " + source)
                        .isNotEmpty());
    }

    @ParameterizedTest
    @FieldSource("dockerfiles")
    void theBuildContextLetsThroughWhatTheDockerfileCopies(String dockerfile) throws IOException {
        List<String> ignore = Files.readAllLines(Project.DOCKER.resolve(dockerfile + ".dockerignore"));

        assertThat(copiedFromContext(dockerfile))
                .allSatisfy(source ->
                        assertThat(ignore).as(dockerfile + ".dockerignore").contains("!" + source));
    }

    @ParameterizedTest
    @FieldSource("dockerfiles")
    void everyBaseImageIsPinnedToAVersion(String dockerfile) throws IOException {
        List<String> bases = lines(dockerfile)
                .filter(l -> l.startsWith("FROM "))
                .map(l -> l.split("\\s+")[1])
                .toList();

        assertThat(bases).isNotEmpty().allSatisfy(image -> assertThat(image).matches(ComposeRulesTest.PINNED_IMAGE));
    }

    @ParameterizedTest
    @FieldSource("dockerfiles")
    void composeBuildsTheDockerfileFromTheRepositoryRoot(String dockerfile) {
        List<JsonNode> builds = new ArrayList<>();
        Project.compose("compose.yaml").path("services").forEach(s -> {
            if (s.path("build").path("dockerfile").asText().equals("docker/" + dockerfile)) {
                builds.add(s.path("build"));
            }
        });

        assertThat(builds).hasSize(1);
        assertThat(Project.DOCKER
                        .resolve(builds.get(0).path("context").asText())
                        .normalize())
                .isEqualTo(Project.DIR);
    }

    /** Sources of the COPY instructions that read the build context (not another stage). */
    private static List<String> copiedFromContext(String dockerfile) throws IOException {
        List<String> sources = new ArrayList<>();
        lines(dockerfile)
                .filter(l -> l.startsWith("COPY ") && !l.contains("--from="))
                .forEach(line -> {
                    List<String> words = Arrays.stream(line.split("\\s+"))
                            .skip(1)
                            .filter(w -> !w.startsWith("--"))
                            .toList();
                    sources.addAll(words.subList(0, words.size() - 1));
                });
        return sources;
    }

    private static List<Path> matching(String source) {
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + source.replaceAll("/$", ""));
        Path root = Project.DIR;
        try (Stream<Path> files = Files.walk(root, source.split("/").length)) {
            return files.filter(p -> glob.matches(root.relativize(p))).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stream<String> lines(String dockerfile) throws IOException {
        return Files.readAllLines(Project.DOCKER.resolve(dockerfile)).stream().map(String::strip);
    }
}
