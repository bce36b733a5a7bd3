package io.stocklake.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/** One synthesis of the app with a given context, its templates read as JSON. */
final class Synthesis {

    private static final ObjectMapper JSON = new ObjectMapper();

    final StockLakeApp.Stacks stacks;
    final Template lake;
    final Template alarms;
    private final App app;

    private Synthesis(Map<String, Object> context) {
        app = App.Builder.create().context(context).build();
        // As the CDK CLI runs the app, with no account or region of its own unless the context gives them.
        stacks = StockLakeApp.build(app, Map.of());
        lake = Template.fromStack(stacks.lake());
        alarms = Template.fromStack(stacks.alarms());
    }

    /**
     * What the CDK's CloudFormation validation (run at synthesis) and the constructs reported: each violation's
     * rule and description, each warning or error annotation's text.
     */
    List<String> findings() {
        List<String> findings = new ArrayList<>();
        Path directory = Path.of(app.synth().getDirectory());
        Path report = directory.resolve("validation-report.json");
        if (!Files.exists(report)) {
            throw new AssertionError("the synthesis wrote no validation report: " + report);
        }
        readJson(report)
                .path("pluginReports")
                .forEach(plugin -> plugin.path("violations")
                        .forEach(v -> findings.add(v.path("ruleName").asText() + ": "
                                + v.path("description").asText())));
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(f -> f.getFileName().toString().endsWith(".metadata.json")
                            || f.getFileName().toString().equals("manifest.json"))
                    .forEach(file -> readJson(file).findParents("type").forEach(entry -> {
                        String type = entry.path("type").asText();
                        if (type.equals("aws:cdk:warning") || type.equals("aws:cdk:error")) {
                            findings.add(file.getFileName() + " " + type + ": "
                                    + entry.path("data").asText());
                        }
                    }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return findings;
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Synthesis of(Map<String, Object> context) {
        return new Synthesis(context);
    }

    /** A stand-in release archive for the plugin assets (the stacks only upload it). */
    static Path pluginArchive(Path dir, String name) {
        Path zip = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(name.replace(".zip", "") + "/lib/placeholder.txt"));
            out.write(name.getBytes());
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip;
    }

    static Map<String, Object> context(Object... keysAndValues) {
        Map<String, Object> context = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            context.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return context;
    }

    static JsonNode json(Template template) {
        return JSON.valueToTree(template.toJSON());
    }

    /** The resources of one type, by logical id. */
    static Map<String, JsonNode> resources(Template template, String type) {
        Map<String, JsonNode> found = new HashMap<>();
        for (Map.Entry<String, JsonNode> resource :
                json(template).path("Resources").properties()) {
            if (resource.getValue().path("Type").asText().equals(type)) {
                found.put(resource.getKey(), resource.getValue());
            }
        }
        return found;
    }

    /** The one resource of a type whose logical id starts with {@code idPrefix}. */
    static JsonNode resource(Template template, String type, String idPrefix) {
        List<JsonNode> matching = new ArrayList<>();
        resources(template, type).forEach((id, resource) -> {
            if (id.startsWith(idPrefix)) {
                matching.add(resource);
            }
        });
        if (matching.size() != 1) {
            throw new AssertionError(matching.size() + " resources " + type + " " + idPrefix + "*");
        }
        return matching.get(0);
    }

    /** A role's inline policies by name. */
    static Map<String, JsonNode> policies(JsonNode role) {
        Map<String, JsonNode> policies = new HashMap<>();
        role.path("Properties")
                .path("Policies")
                .forEach(p -> policies.put(p.path("PolicyName").asText(), p.path("PolicyDocument")));
        return policies;
    }
}
