package io.stocklake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The compose files against the Compose Specification's JSON schema (see resources/compose-spec/README.md). */
class ComposeSchemaTest {

    static final Iterable<String> composeFiles = Project.COMPOSE_FILES;

    private static final String COMPOSE_META_SCHEMA = "http://json-schema.org/draft/2019-09/schema#";

    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        // Durations such as "10s" are Compose's own format, not the ISO 8601 one JSON Schema's "duration" means.
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(false).build();
        // The schema names its meta-schema by the draft's older IRI and keeps draft-04's "id" (ignored by 2019-09).
        JsonMetaSchema draft201909 = JsonMetaSchema.builder(COMPOSE_META_SCHEMA, JsonMetaSchema.getV201909())
                .keyword(new NonValidationKeyword("id"))
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V201909, builder -> builder.metaSchema(draft201909));
        try (InputStream in = ComposeSchemaTest.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
            schema = factory.getSchema(in, config);
        }
    }

    @ParameterizedTest
    @FieldSource("composeFiles")
    void composeFileFollowsTheComposeSpecification(String file) {
        Set<ValidationMessage> errors = schema.validate(Project.compose(file));

        assertThat(errors).as(file).isEmpty();
    }

    @Test
    void schemaRefusesAServiceMemberComposeDoesNotKnow() {
        Set<ValidationMessage> errors = schema.validate(yaml("""
                services:
                  kafka:
                    image: apache/kafka:4.3.1
                    healthcheck_interval: 10s
                """));

        assertThat(errors).isNotEmpty();
    }

    @Test
    void schemaRefusesAHealthCheckWithAnUnknownMember() {
        Set<ValidationMessage> errors = schema.validate(yaml("""
                services:
                  kafka:
                    image: apache/kafka:4.3.1
                    healthcheck:
                      command: ["CMD", "true"]
                """));

        assertThat(errors).isNotEmpty();
    }

    private static JsonNode yaml(String text) {
        try {
            return new YAMLMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
