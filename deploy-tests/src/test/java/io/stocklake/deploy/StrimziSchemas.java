package io.stocklake.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * A Strimzi resource's schema: the openAPIV3Schema of its CRD as Strimzi's CRD generator writes it from Strimzi's
 * published model, checked as the API server does with strict field validation (kubectl's default): a field the
 * schema does not name is refused, except where the CRD keeps unknown fields (a connector's or worker's config).
 */
final class StrimziSchemas {

    static final Path CRD_DIR = Path.of(System.getProperty("stocklake.strimzi.crd.dir", "target/strimzi-crds"));
    private static final String API_VERSION = "v1";

    private final JsonSchema schema;

    private StrimziSchemas(JsonSchema schema) {
        this.schema = schema;
    }

    static StrimziSchemas of(String crdFile) {
        JsonNode crd = read(CRD_DIR.resolve(crdFile));
        JsonNode openApi = null;
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (API_VERSION.equals(version.path("name").asText())) {
                openApi = version.path("schema").path("openAPIV3Schema").deepCopy();
            }
        }
        if (openApi == null) {
            throw new IllegalStateException(crdFile + " has no version " + API_VERSION);
        }
        closeObjects(openApi);
        // Kubernetes formats (int-or-string quantities and the like) are not JSON Schema's.
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(false).build();
        return new StrimziSchemas(
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(openApi, config));
    }

    Set<ValidationMessage> validate(JsonNode resource) {
        return schema.validate(resource);
    }

    static JsonNode read(Path file) {
        try {
            return new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Strict field validation: an object schema that lists its properties admits no others. */
    private static void closeObjects(JsonNode node) {
        if (node instanceof ObjectNode object
                && "object".equals(object.path("type").asText())
                && object.has("properties")
                && !object.has("additionalProperties")
                && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            object.put("additionalProperties", false);
        }
        node.forEach(StrimziSchemas::closeObjects);
    }
}
