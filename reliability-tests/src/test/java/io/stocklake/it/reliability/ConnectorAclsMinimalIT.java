package io.stocklake.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.stack.ConnectAcls;
import io.stocklake.stack.ConnectRest;
import io.stocklake.stack.ConnectRestException;
import io.stocklake.stack.ConnectorStatus;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.TopicReader;
import io.stocklake.testing.StackConfigs;
import io.stocklake.testing.StackLifecycle;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The connectors' ACLs of {@link ConnectAcls} are the least that works, not only enough: on the secured cluster,
 * every exactly-once source and sink ACL is withheld in turn from a principal of its own, and the connector running
 * under it fails with the authorization error for what it lacks, while the same connector under the whole set
 * works. All of them run at once on one worker, so the class takes one wait, not one per ACL.
 */
class ConnectorAclsMinimalIT {

    private static final String GROUP = "connect-cluster";
    private static final String WORKER = "connect";
    private static final String OFFSETS = "connect-offsets";
    private static final String TOPIC = "acl-ticks";
    private static final String BUCKET = "acl-lake";
    private static final String POISON = "not json: the sink sends it to its dead letter queue";
    private static final Duration OUTCOME = Duration.ofSeconds(90);

    private static final List<Variant> SOURCES = variants("source", ConnectorAclsMinimalIT::sourceAcls);
    private static final List<Variant> SINKS = variants("sink", ConnectorAclsMinimalIT::sinkAcls);

    static final PipelineStack stack = PipelineStack.builder()
            .workers(1)
            .withGlue()
            .secured(WORKER, principals(), acls())
            .workerConfig("exactly.once.source.support", "enabled")
            .build();

    @RegisterExtension
    static final StackLifecycle lifecycle = new StackLifecycle(stack);

    /** What each variant showed, by name. */
    private static final Map<String, String> OUTCOMES = new ConcurrentHashMap<>();

    /** A connector of its own name and principal, granted its set but {@code withheld} (null: the whole set). */
    record Variant(String name, List<AclBinding> granted, AclBinding withheld) {

        String deadLetters() {
            return name + "-dlq";
        }

        @Override
        public String toString() {
            return withheld == null ? name + " with every ACL" : name + " without " + ConnectAcls.describe(withheld);
        }
    }

    private static List<AclBinding> sourceAcls(String name) {
        return ConnectAcls.exactlyOnceSource(name, GROUP, name, TOPIC, OFFSETS);
    }

    private static List<AclBinding> sinkAcls(String name) {
        return ConnectAcls.sink(name, name, TOPIC, name + "-dlq");
    }

    /** One variant per ACL of the set, each without that one, and one with the whole set. */
    private static List<Variant> variants(String kind, Function<String, List<AclBinding>> acls) {
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant(kind + "-all", acls.apply(kind + "-all"), null));
        int count = acls.apply(kind).size();
        for (int i = 0; i < count; i++) {
            String name = kind + "-without-" + i;
            List<AclBinding> granted = new ArrayList<>(acls.apply(name));
            AclBinding withheld = granted.remove(i);
            variants.add(new Variant(name, List.copyOf(granted), withheld));
        }
        return List.copyOf(variants);
    }

    private static Set<String> principals() {
        Set<String> principals = new LinkedHashSet<>();
        Stream.concat(SOURCES.stream(), SINKS.stream()).forEach(v -> principals.add(v.name()));
        return principals;
    }

    private static List<AclBinding> acls() {
        List<AclBinding> acls =
                new ArrayList<>(ConnectAcls.worker(WORKER, GROUP, "connect-configs", OFFSETS, "connect-status"));
        Stream.concat(SOURCES.stream(), SINKS.stream()).forEach(v -> acls.addAll(v.granted()));
        return acls;
    }

    static Stream<Variant> sourcesWithoutOne() {
        return SOURCES.stream().filter(v -> v.withheld() != null);
    }

    static Stream<Variant> sinksWithoutOne() {
        return SINKS.stream().filter(v -> v.withheld() != null);
    }

    /**
     * The topic starts with one record no converter reads, so that every sink must use its dead letter queue; then
     * every variant starts at once, and each is watched until it shows its outcome: a connector or task FAILED, or
     * the worker logging an authorization error of its clients (a source's offset reader does not fail: it retries
     * for ever), or, with every ACL, ticks written and the bad record in the dead letter queue. A variant is
     * deleted once it has shown its outcome, so that one retrying for ever stops.
     */
    @BeforeAll
    static void startEveryVariantAndWatchTheOutcomes() throws Exception {
        stack.s3().createBucket(BUCKET);
        List<NewTopic> topics = new ArrayList<>();
        topics.add(new NewTopic(TOPIC, 1, (short) 1).configs(Map.of("retention.ms", "-1")));
        SINKS.forEach(v -> topics.add(new NewTopic(v.deadLetters(), 1, (short) 1)));
        try (Admin admin = stack.broker().admin()) {
            admin.createTopics(topics).all().get();
        }
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(stack.broker().clientConfig(), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, 0, "poison", POISON)).get();
        }
        WorkerLog log = new WorkerLog(stack.logsDir().resolve("worker-0.log"));
        ConnectRest rest = stack.connect().rest();
        for (Variant sink : SINKS) {
            rest.putConnector(sink.name(), sinkConfig(sink));
        }
        for (Variant source : SOURCES) {
            rest.putConnector(source.name(), sourceConfig(source));
        }
        watch(log, Instant.now().plus(OUTCOME));
    }

    private static void watch(WorkerLog log, Instant deadline) {
        List<Variant> pending =
                new ArrayList<>(Stream.concat(SOURCES.stream(), SINKS.stream()).toList());
        while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
            List<String> blocks = log.newAuthorizationErrors();
            for (Variant variant : List.copyOf(pending)) {
                String outcome = outcome(variant, blocks);
                if (outcome != null) {
                    System.out.println(variant + " -> " + outcome);
                    OUTCOMES.put(variant.name(), outcome);
                    pending.remove(variant);
                    stack.connect().rest().deleteConnector(variant.name());
                }
            }
            TickLake.pause(Duration.ofMillis(500));
        }
        pending.forEach(v -> OUTCOMES.put(v.name(), "no outcome within " + OUTCOME + "; status " + status(v)));
    }

    /** What the variant has shown so far, or null while it has shown nothing. */
    private static String outcome(Variant variant, List<String> authorizationErrors) {
        // A client's own warning names it (clientId=connector-consumer-<name>-<task>, group connect-<name>).
        ConnectorStatus status = status(variant);
        if (status != null && status.anyFailed()) {
            return "FAILED: " + status.failureTrace();
        }
        if (variant.withheld() == null) {
            return variant.name().startsWith("source") ? committedTicks() : deadLetters(variant);
        }
        Pattern own = Pattern.compile(Pattern.quote(variant.name()) + "(?![0-9])");
        return authorizationErrors.stream()
                .filter(block ->
                        own.matcher(block.lines().findFirst().orElse("")).find())
                .map(block -> "logged: " + block)
                .findFirst()
                .orElse(null);
    }

    private static String committedTicks() {
        long ticks = TopicReader.readCommitted(stack.broker()).readAll(TOPIC, Duration.ofSeconds(10)).stream()
                .filter(r -> r.value() != null && r.value().contains("\"symbol\""))
                .count();
        return ticks > 0 ? ticks + " committed ticks" : null;
    }

    private static String deadLetters(Variant sink) {
        List<String> values = new ArrayList<>();
        TopicReader.readUncommitted(stack.broker())
                .readAll(sink.deadLetters(), Duration.ofSeconds(10))
                .forEach(r -> values.add(r.value()));
        return values.isEmpty() ? null : "dead letters " + values;
    }

    @Test
    void aSourceWithEveryAclWritesTicksInTransactions() {
        Variant all = SOURCES.get(0);

        assertThat(OUTCOMES.get(all.name())).as(all.toString()).endsWith("committed ticks");
    }

    @Test
    void aSinkWithEveryAclReadsTheTopicAndWritesItsDeadLetterQueue() {
        Variant all = SINKS.get(0);

        assertThat(OUTCOMES.get(all.name()))
                .as(all.toString())
                .startsWith("dead letters")
                .contains(POISON);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sourcesWithoutOne")
    void aSourceWithoutOneOfItsAclsFailsWithAnAuthorizationError(Variant variant) {
        assertThat(OUTCOMES.get(variant.name())).as(variant.toString()).contains(expectedError(variant.withheld()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sinksWithoutOne")
    void aSinkWithoutOneOfItsAclsFailsWithAnAuthorizationError(Variant variant) {
        assertThat(OUTCOMES.get(variant.name())).as(variant.toString()).contains(expectedError(variant.withheld()));
    }

    /** The exception a client of the connector meets without the ACL, and for a topic the topic's name. */
    private static List<String> expectedError(AclBinding withheld) {
        ResourceType type = withheld.pattern().resourceType();
        return switch (type) {
            case TOPIC ->
                List.of("TopicAuthorizationException", withheld.pattern().name());
            case GROUP ->
                List.of("GroupAuthorizationException", withheld.pattern().name());
            case TRANSACTIONAL_ID -> List.of("TransactionalIdAuthorizationException");
            default -> throw new IllegalArgumentException("No expectation for " + type);
        };
    }

    private static ConnectorStatus status(Variant variant) {
        try {
            return stack.connect().rest().status(variant.name());
        } catch (ConnectRestException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    /**
     * The worker's log as it grows: each line that speaks of authorization with the three lines after it (a
     * client's warning names the client, the lines after it the exception).
     */
    static final class WorkerLog {

        private final Path file;
        private long position;
        private final List<String> carried = new ArrayList<>();

        /** From the log's end now on: what a log of an earlier run of the class holds is not evidence. */
        WorkerLog(Path file) {
            this.file = file;
            this.position = file.toFile().length();
        }

        List<String> newAuthorizationErrors() {
            List<String> lines = new ArrayList<>(carried);
            lines.addAll(readNewLines());
            List<String> blocks = new ArrayList<>();
            int complete = Math.max(0, lines.size() - 3);
            for (int i = 0; i < complete; i++) {
                if (lines.get(i).toLowerCase(Locale.ROOT).contains("authoriz")) {
                    blocks.add(String.join("\n", lines.subList(i, Math.min(lines.size(), i + 4))));
                }
            }
            carried.clear();
            carried.addAll(lines.subList(complete, lines.size()));
            return blocks;
        }

        private List<String> readNewLines() {
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                long length = in.length();
                if (length <= position) {
                    return List.of();
                }
                // At most 8 MiB a look: a client retrying for ever logs fast, and its first lines are the evidence.
                byte[] bytes = new byte[(int) Math.min(length - position, 8L << 20)];
                in.seek(position);
                in.readFully(bytes);
                String text = new String(bytes, StandardCharsets.UTF_8);
                int end = text.lastIndexOf('\n');
                if (end < 0) {
                    return List.of();
                }
                position += text.substring(0, end + 1).getBytes(StandardCharsets.UTF_8).length;
                return List.of(text.substring(0, end).split("\n"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Map<String, String> sinkConfig(Variant sink) {
        Map<String, String> c = new LinkedHashMap<>(StackConfigs.sink(stack, TOPIC, BUCKET, "acl_lake", "json"));
        c.put("table.name", sink.name().replace('-', '_'));
        c.put("errors.tolerance", "all");
        c.put("errors.deadletterqueue.topic.name", sink.deadLetters());
        c.put("errors.deadletterqueue.topic.replication.factor", "1");
        login(c, sink.name(), "consumer", "producer", "admin");
        return c;
    }

    private static Map<String, String> sourceConfig(Variant source) {
        Map<String, String> c = new LinkedHashMap<>(
                StackConfigs.simulatedTicks(TOPIC, "AAPL", 50, "2025-06-02T00:00:00Z", 50.0 / 1800, 1800));
        c.put("exactly.once.support", "required");
        c.put("transaction.boundary", "poll");
        login(c, source.name(), "producer", "consumer", "admin");
        return c;
    }

    private static void login(Map<String, String> config, String principal, String... clients) {
        for (String client : clients) {
            config.put(
                    client + ".override.sasl.jaas.config",
                    stack.broker().security().jaasConfigReference(principal));
        }
    }
}
