package io.stocklake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The policies of docs/iam/ are the ones the documents show, and each is a well-formed policy document. */
class IamPolicyFilesTest {

    private static final Path IAM = Project.DIR.resolve("docs/iam");

    @Test
    void sinkReadmeShowsThePolicyTheIamTestChecks() throws IOException {
        String readme = Files.readString(Project.DIR.resolve("s3-glue-sink-connector/README.md"));
        Matcher block = Pattern.compile("### IAM permissions.*?```json\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);

        assertThat(block.find()).as("a JSON block in the README's IAM section").isTrue();
        assertThat(new ObjectMapper().readTree(block.group(1)))
                .isEqualTo(Project.json(IAM.resolve("sink-policy.json")));
    }

    @Test
    void everyPolicyHasStatementsWithEffectActionAndResourceOrPrincipal() throws IOException {
        try (Stream<Path> files = Files.list(IAM)) {
            List<Path> policies =
                    files.filter(f -> f.toString().endsWith(".json")).toList();

            assertThat(policies).isNotEmpty().allSatisfy(file -> {
                JsonNode policy = Project.json(file);
                assertThat(policy.path("Version").asText()).as(file.toString()).isEqualTo("2012-10-17");
                assertThat(policy.path("Statement"))
                        .as(file.toString())
                        .isNotEmpty()
                        .allSatisfy(statement -> {
                            assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
                            assertThat(statement.has("Action")).isTrue();
                            assertThat(statement.has("Resource") || statement.has("Principal"))
                                    .isTrue();
                        });
            });
        }
    }

    @Test
    void noPolicyGrantsAWildcardAction() throws IOException {
        try (Stream<Path> files = Files.list(IAM)) {
            files.filter(f -> f.toString().endsWith(".json"))
                    .forEach(file -> Project.json(file).path("Statement").forEach(statement -> {
                        JsonNode action = statement.path("Action");
                        List<JsonNode> actions = action.isArray() ? toList(action) : List.of(action);
                        assertThat(actions)
                                .as(file.toString())
                                .allSatisfy(a -> assertThat(a.asText()).doesNotContain("*"));
                    }));
        }
    }

    @Test
    void theAwsGuideLinksEveryPolicyFile() throws IOException {
        String guide = Files.readString(Project.DIR.resolve("docs/aws.md"));
        try (Stream<Path> files = Files.list(IAM)) {
            files.forEach(file -> assertThat(guide).contains("iam/" + file.getFileName()));
        }
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
