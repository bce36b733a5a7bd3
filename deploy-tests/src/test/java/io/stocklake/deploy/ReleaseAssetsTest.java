package io.stocklake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** What a release publishes (release/target/release/): the archives, their sha512 files, their manifests. */
class ReleaseAssetsTest {

    static final Iterable<String> archives = ReleaseDir.ARCHIVES;

    @ParameterizedTest
    @FieldSource("archives")
    void sha512FileNamesTheArchiveAndMatchesItsBytes(String name) throws IOException {
        Path archive = ReleaseDir.archive(name);
        String line = Files.readString(archive.resolveSibling(archive.getFileName() + ".sha512"))
                .strip();

        // sha512sum -c reads this line.
        assertThat(line).isEqualTo(ReleaseDir.sha512(archive) + "  " + archive.getFileName());
    }

    @ParameterizedTest
    @FieldSource("archives")
    void manifestNamesVersionOwnerSourceAndDocumentation(String name) throws IOException {
        JsonNode manifest = manifest(name);

        assertThat(manifest.path("name").asText()).isEqualTo(name);
        assertThat(manifest.path("version").asText()).isEqualTo(ReleaseDir.VERSION);
        assertThat(manifest.at("/owner/username").asText()).isNotBlank();
        assertThat(manifest.at("/owner/name").asText()).isNotBlank();
        assertThat(httpsUrl(manifest.at("/owner/url").asText())).isTrue();
        assertThat(httpsUrl(manifest.path("source_url").asText())).isTrue();
        assertThat(manifest.path("documentation_url").asText())
                .matches(url -> httpsUrl(url), "an absolute https URL")
                .endsWith("/v" + ReleaseDir.VERSION + "/" + name + "/README.md");
        assertThat(manifest.path("component_types")).isNotEmpty();
        assertThat(manifest.path("license")).isNotEmpty();
    }

    @ParameterizedTest
    @FieldSource("archives")
    void manifestClaimsOnlyTheConnectVersionTheTestsRun(String name) throws IOException {
        String kafkaMinor = ReleaseDir.KAFKA_VERSION.substring(0, ReleaseDir.KAFKA_VERSION.lastIndexOf('.'));
        String connect = manifest(name).path("requirements").path(0).asText();

        assertThat(connect)
                .startsWith("Apache Kafka Connect " + kafkaMinor + " (tested on " + ReleaseDir.KAFKA_VERSION);
    }

    @Test
    void changelogHasASectionForThisVersion() throws IOException {
        String release = ReleaseDir.VERSION.replace("-SNAPSHOT", "");
        String changelog = Files.readString(ReleaseDir.DIR.resolve("CHANGELOG.md"));

        assertThat(changelog).containsPattern("(?m)^## \\[" + release.replace(".", "\\.") + "\\] - ");
    }

    private static JsonNode manifest(String name) throws IOException {
        try (ZipFile zip = new ZipFile(ReleaseDir.archive(name).toFile())) {
            ZipEntry entry = zip.getEntry(name + "/manifest.json");
            assertThat(entry).as(name + "/manifest.json").isNotNull();
            try (InputStream in = zip.getInputStream(entry)) {
                return new ObjectMapper().readTree(in);
            }
        }
    }

    private static boolean httpsUrl(String url) {
        try {
            URI uri = URI.create(url);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && !url.contains("${");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
