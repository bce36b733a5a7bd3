package io.stocklake.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocklake.stack.PipelineStack;
import io.stocklake.testing.StackConfigs;
import io.stocklake.testing.StackLifecycle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every config key of both connectors, as the worker reports their ConfigDefs, fed invalid values through
 * {@code PUT /connector-plugins/{class}/config/validate}: each is rejected on that key. A key without an entry in
 * the tables below fails {@link #everyKeyHasInvalidValues()}, so new keys are covered as they come.
 */
class ConfigValidationIT {

    static final PipelineStack stack =
            PipelineStack.builder().workers(1).withoutS3().build();

    @RegisterExtension
    static final StackLifecycle lifecycle = new StackLifecycle(stack);

    /** An invalid value of a key, with the other settings that make it invalid (for checks across keys). */
    private record Invalid(String value, Map<String, String> context) {
        static Invalid of(String value) {
            return new Invalid(value, Map.of());
        }

        static Invalid of(String value, String otherKey, String otherValue) {
            return new Invalid(value, Map.of(otherKey, otherValue));
        }
    }

    private static final Map<String, List<Invalid>> SINK = Map.ofEntries(
            Map.entry("s3.bucket.name", List.of(Invalid.of(""))),
            Map.entry("s3.endpoint.url", List.of(Invalid.of("ftp://127.0.0.1"), Invalid.of("not a url"))),
            Map.entry("s3.path.style.access", List.of(Invalid.of("maybe"))),
            Map.entry("s3.validate.bucket", List.of(Invalid.of("maybe"))),
            Map.entry("s3.part.size", List.of(Invalid.of("1024"), Invalid.of("big"))),
            Map.entry("s3.sse", List.of(Invalid.of("des"))),
            Map.entry("s3.sse.kms.key.id", List.of(Invalid.of("alias/lake", "s3.sse", "AES256"))),
            Map.entry("s3.retry.max.attempts", List.of(Invalid.of("0"), Invalid.of("101"))),
            Map.entry("s3.retry.backoff.ms", List.of(Invalid.of("0"))),
            Map.entry(
                    "s3.retry.max.backoff.ms",
                    List.of(Invalid.of("0"), Invalid.of("100", "s3.retry.backoff.ms", "500"))),
            Map.entry("s3.request.timeout.ms", List.of(Invalid.of("999"))),
            Map.entry("s3.request.checksums", List.of(Invalid.of("always"))),
            Map.entry("retry.backoff.ms", List.of(Invalid.of("-1"))),
            Map.entry("aws.access.key.id", List.of(Invalid.of("", "aws.secret.access.key", "secret"))),
            Map.entry("aws.secret.access.key", List.of(Invalid.of("", "aws.access.key.id", "AKIAEXAMPLE"))),
            Map.entry("aws.sts.role.arn", List.of(Invalid.of("admin"))),
            Map.entry("aws.sts.role.session.name", List.of(Invalid.of(""))),
            Map.entry("aws.sts.role.external.id", List.of(Invalid.of("id", "aws.sts.role.arn", ""))),
            Map.entry("topics.dir", List.of(Invalid.of("/topics"), Invalid.of("topics/"), Invalid.of(""))),
            Map.entry("table.name", List.of(Invalid.of("Stock-Ticks"), Invalid.of("1ticks"))),
            Map.entry("path.format", List.of(Invalid.of("yyyy/MM"), Invalid.of("'dt'=yyyy-MM-dd/'hour'={HH}"))),
            Map.entry("partition.fields", List.of(Invalid.of("dt"), Invalid.of("a..b"))),
            Map.entry("partition.time.source", List.of(Invalid.of("sometimes"))),
            Map.entry("partition.time.field", List.of(Invalid.of("", "partition.time.source", "field"))),
            Map.entry("timezone", List.of(Invalid.of("Mars/Olympus"))),
            Map.entry(
                    "format",
                    List.of(
                            Invalid.of("avro"),
                            Invalid.of("csv", "value.converter", "org.apache.kafka.connect.storage.StringConverter"),
                            Invalid.of("json", "value.converter", "org.apache.kafka.connect.storage.StringConverter"))),
            Map.entry("compression", List.of(Invalid.of("lz4"), Invalid.of("snappy", "format", "json"))),
            Map.entry(
                    "behavior.on.null.values",
                    List.of(Invalid.of("explode"), Invalid.of("write", "kafka.metadata.columns", "offset"))),
            Map.entry("kafka.metadata.columns", List.of(Invalid.of("lineage"), Invalid.of("key,key"))),
            Map.entry("flush.size", List.of(Invalid.of("0"), Invalid.of("ten"))),
            Map.entry("rotate.size.bytes", List.of(Invalid.of("0"))),
            Map.entry("rotate.interval.ms", List.of(Invalid.of("0"), Invalid.of("-2"))),
            Map.entry("rotate.schedule.interval.ms", List.of(Invalid.of("0"))),
            Map.entry("buffer.max.bytes", List.of(Invalid.of("1024"))),
            Map.entry("glue.enabled", List.of(Invalid.of("maybe"))),
            Map.entry("glue.database", List.of(Invalid.of("Market-Data"), Invalid.of(""))),
            Map.entry("glue.table", List.of(Invalid.of("Ticks!"))),
            Map.entry("glue.catalog.id", List.of(Invalid.of("123"))),
            Map.entry("glue.endpoint.url", List.of(Invalid.of("ftp://127.0.0.1"))),
            Map.entry("glue.table.auto.create", List.of(Invalid.of("maybe"))),
            Map.entry("glue.partition.registration", List.of(Invalid.of("maybe"))),
            Map.entry("glue.partition.projection.enabled", List.of(Invalid.of("maybe"))),
            Map.entry("glue.partition.projection.date.range", List.of(Invalid.of("yesterday"))),
            Map.entry("glue.partition.cache.size", List.of(Invalid.of("0"))),
            Map.entry("glue.partition.cache.ttl.ms", List.of(Invalid.of("-1"))),
            Map.entry("glue.retry.max.attempts", List.of(Invalid.of("0"), Invalid.of("101"))),
            Map.entry("glue.retry.backoff.ms", List.of(Invalid.of("0"))),
            Map.entry("glue.retry.max.backoff.ms", List.of(Invalid.of("0"))));

    private static final Map<String, List<Invalid>> SOURCE = Map.ofEntries(
            Map.entry("topic", List.of(Invalid.of(""))),
            Map.entry("max.batch.size", List.of(Invalid.of("0"), Invalid.of("100001"))),
            Map.entry("schema.docs.enable", List.of(Invalid.of("maybe"))),
            Map.entry("symbols", List.of(Invalid.of("AAPL:abc"), Invalid.of("AAPL:-5"))),
            Map.entry(
                    "symbols.generated",
                    List.of(Invalid.of("-1"), Invalid.of("100001"), Invalid.of("10", "symbols", "AAPL"))),
            Map.entry("symbols.exchange", List.of(Invalid.of("XX"))),
            Map.entry("seed", List.of(Invalid.of("abc"))),
            Map.entry("clock", List.of(Invalid.of("sundial"))),
            Map.entry("ticks.per.second", List.of(Invalid.of("0"), Invalid.of("-5"))),
            Map.entry("simulated.start", List.of(Invalid.of("someday"))),
            Map.entry("simulated.acceleration", List.of(Invalid.of("-1"))),
            Map.entry("max.ticks", List.of(Invalid.of("-1"))),
            Map.entry("session.calendar", List.of(Invalid.of("lunar"))),
            Map.entry("session.zone", List.of(Invalid.of("Mars/Olympus"))),
            Map.entry("session.open", List.of(Invalid.of("25:00"))),
            Map.entry("session.close", List.of(Invalid.of("09:00"))),
            Map.entry("price.drift", List.of(Invalid.of("2"))),
            Map.entry("price.volatility", List.of(Invalid.of("0"))),
            Map.entry("jump.intensity", List.of(Invalid.of("-1"))),
            Map.entry("jump.stddev", List.of(Invalid.of("2"))),
            Map.entry("spread.bps", List.of(Invalid.of("-1"))),
            Map.entry("intraday.u.shape", List.of(Invalid.of("101"))));

    /** Keys that take any text, and why. */
    private static final Map<String, String> SINK_ANY_VALUE = Map.of(
            "glue.region", "empty means s3.region; Glue-compatible endpoints may name regions of their own",
            "s3.region",
                    "empty follows the AWS SDK's region chain; S3-compatible servers may name regions of their own");

    /** Connect's own connector settings, validated by the worker (their groups as Connect 4.3 names them). */
    private static final Set<String> CONNECT_GROUPS = Set.of(
            "Common",
            "Transforms",
            "Predicates",
            "Error Handling",
            "Topic Creation",
            "Exactly Once Support",
            "offsets.topic");

    private record Plugin(
            String connectorClass,
            Map<String, String> validConfig,
            Map<String, List<Invalid>> table,
            Map<String, String> anyValue) {}

    private static List<Plugin> plugins() {
        Map<String, String> sink = new HashMap<>();
        sink.put("name", "sink");
        sink.put("topics", "ticks");
        sink.put("s3.bucket.name", "lake");
        return List.of(
                new Plugin(StackConfigs.SINK, sink, SINK, SINK_ANY_VALUE),
                new Plugin(StackConfigs.SOURCE, Map.of("name", "source"), SOURCE, Map.of()));
    }

    @Test
    void theValidConfigsPass() {
        for (Plugin plugin : plugins()) {
            JsonNode answer = stack.connect().rest().validate(plugin.connectorClass(), plugin.validConfig());
            assertThat(errors(answer)).as(plugin.connectorClass()).isEmpty();
        }
    }

    @Test
    void everyKeyHasInvalidValues() {
        for (Plugin plugin : plugins()) {
            Set<String> covered = new HashSet<>(plugin.table().keySet());
            covered.addAll(plugin.anyValue().keySet());
            assertThat(covered)
                    .as("keys of " + plugin.connectorClass() + " in the tables")
                    .containsExactlyInAnyOrderElementsOf(connectorKeys(plugin.connectorClass()));
        }
    }

    @Test
    void keysThatTakeAnyTextAcceptAnOddValue() {
        for (Plugin plugin : plugins()) {
            for (String key : plugin.anyValue().keySet()) {
                Map<String, String> config = new HashMap<>(plugin.validConfig());
                config.put(key, "odd value 42");
                assertThat(errors(stack.connect().rest().validate(plugin.connectorClass(), config)))
                        .as(key)
                        .isEmpty();
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyInvalidValueIsRejectedOnItsKey() {
        return plugins().stream()
                .flatMap(plugin -> plugin.table().entrySet().stream()
                        .flatMap(entry -> entry.getValue().stream()
                                .map(invalid -> DynamicTest.dynamicTest(
                                        entry.getKey() + "=\"" + invalid.value() + "\""
                                                + (invalid.context().isEmpty() ? "" : " with " + invalid.context()),
                                        () -> {
                                            Map<String, String> config = new HashMap<>(plugin.validConfig());
                                            config.putAll(invalid.context());
                                            config.put(entry.getKey(), invalid.value());
                                            JsonNode answer =
                                                    stack.connect().rest().validate(plugin.connectorClass(), config);
                                            assertThat(errors(answer))
                                                    .as("errors by key")
                                                    .containsKey(entry.getKey());
                                        }))));
    }

    /** The keys of the connector's own ConfigDef, as the worker reports them. */
    private static List<String> connectorKeys(String connectorClass) {
        List<String> keys = new ArrayList<>();
        for (JsonNode key : stack.connect().rest().pluginConfig(connectorClass)) {
            if (!CONNECT_GROUPS.contains(key.path("group").asText())) {
                keys.add(key.path("name").asText());
            }
        }
        return keys;
    }

    /** The keys with errors in a validate answer, with their messages. */
    private static Map<String, List<String>> errors(JsonNode answer) {
        Map<String, List<String>> errors = new HashMap<>();
        for (JsonNode config : answer.path("configs")) {
            List<String> messages = new ArrayList<>();
            config.path("value").path("errors").forEach(m -> messages.add(m.asText()));
            if (!messages.isEmpty()) {
                errors.put(config.path("value").path("name").asText(), messages);
            }
        }
        return errors;
    }
}
