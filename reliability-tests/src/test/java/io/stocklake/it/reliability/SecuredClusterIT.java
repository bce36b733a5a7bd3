package io.stocklake.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.stack.ConnectAcls;
import io.stocklake.stack.ConnectRest;
import io.stocklake.stack.ConnectorStatus;
import io.stocklake.stack.KafkaSecurity;
import io.stocklake.stack.PipelineStack;
import io.stocklake.testing.StackLifecycle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The connectors on Kafka secured as production runs it: SASL_SSL with SCRAM-SHA-512 over TLS, StandardAuthorizer,
 * and only the ACLs of {@link ConnectAcls}. The worker, the exactly-once source and the sink each log in as their
 * own principal, their logins read through the file config provider; every tick still lands exactly once, a
 * principal without ACLs is refused in words a user can read, and no secret shows in a log, a REST answer or the
 * config topic.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuredClusterIT {

    private static final String GROUP = "connect-cluster";
    private static final String WORKER = "connect";
    private static final String SOURCE = "ticks-source";
    private static final String SINK = "ticks-sink";
    private static final String INTRUDER = "intruder";
    private static final String TOPIC = "secured-ticks";
    private static final String DEAD_LETTERS = TOPIC + "-dlq";
    private static final int TICKS = 400;

    private static final TickLake LAKE_NAMES = new TickLake(null, TOPIC, "lake", "market", "secured_ticks", true);

    static final PipelineStack stack = PipelineStack.builder()
            .workers(1)
            .withGlue()
            .secured(WORKER, Set.of(SOURCE, SINK, INTRUDER), acls())
            .workerConfig("exactly.once.source.support", "enabled")
            .build();

    @RegisterExtension
    static final StackLifecycle lifecycle = new StackLifecycle(stack);

    private static List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        acls.addAll(ConnectAcls.worker(WORKER, GROUP, "connect-configs", "connect-offsets", "connect-status"));
        acls.addAll(ConnectAcls.exactlyOnceSource(SOURCE, GROUP, LAKE_NAMES.source(), TOPIC, "connect-offsets"));
        acls.addAll(ConnectAcls.sink(SINK, LAKE_NAMES.sink(), TOPIC, DEAD_LETTERS));
        return acls;
    }

    @Test
    @Order(1)
    void everyTickLandsExactlyOnceWithEachConnectorUnderItsOwnPrincipal() {
        TickLake lake = new TickLake(stack, TOPIC, "lake", "market", "secured_ticks", true);
        lake.create(1);
        stack.broker().createTopic(DEAD_LETTERS, 1);
        KafkaSecurity security = stack.broker().security();

        Map<String, String> sink = lake.sinkConfig(1);
        // The Principal override policy admits a connector's login and nothing else; read_committed is the worker's.
        sink.keySet().removeIf(key -> key.startsWith("consumer.override."));
        for (String client : List.of("consumer", "producer", "admin")) {
            sink.put(client + ".override.sasl.jaas.config", security.jaasConfigReference(SINK));
        }
        sink.put("errors.tolerance", "all");
        sink.put("errors.deadletterqueue.topic.name", DEAD_LETTERS);
        sink.put("errors.deadletterqueue.topic.replication.factor", "1");
        Map<String, String> source = lake.sourceConfig(1, "AAPL,MSFT", TICKS, 400);
        source.put("exactly.once.support", "required");
        source.put("transaction.boundary", "poll");
        for (String client : List.of("producer", "consumer", "admin")) {
            source.put(client + ".override.sasl.jaas.config", security.jaasConfigReference(SOURCE));
        }
        lake.start(sink, source);
        lake.awaitRunning(1, 1, Duration.ofSeconds(90));

        lake.awaitTicks(TICKS, Duration.ofSeconds(120));
        List<ConsumerRecord<String, String>> records = lake.awaitAllCommitted(Duration.ofSeconds(120));

        assertThat(records).hasSize(TICKS);
        assertThat(lake.audit(records).problems()).isEmpty();
    }

    @Test
    @Order(2)
    void aPrincipalWithoutAclsIsRefusedNamingWhatItMayNotRead() {
        Map<String, Object> config = stack.broker().clientConfig();
        config.putAll(stack.broker().security().clientConfig(INTRUDER));
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition(TOPIC, 0)));

            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(TopicAuthorizationException.class)
                    .hasMessageContaining("Not authorized to access topics: [" + TOPIC + "]");
        }
    }

    @Test
    @Order(3)
    void aSinkUnderAPrincipalWithoutAclsFailsWithAnAuthorizationError() {
        String name = "intruder-sink";
        Map<String, String> sink = new TickLake(stack, TOPIC, "lake", "market", "secured_ticks", true).sinkConfig(1);
        sink.keySet().removeIf(key -> key.startsWith("consumer.override."));
        sink.put("consumer.override.sasl.jaas.config", stack.broker().security().jaasConfigReference(INTRUDER));
        ConnectRest rest = stack.connect().rest();
        rest.putConnector(name, sink);

        ConnectorStatus status = rest.awaitTaskFailure(name, Duration.ofSeconds(90));

        assertThat(status.tasks())
                .anySatisfy(task -> assertThat(task.trace())
                        .contains("TopicAuthorizationException: Not authorized to access topics: [" + TOPIC + "]"));
    }

    @Test
    @Order(4)
    void noSecretShowsInALogARestAnswerOrTheConfigTopic() {
        ConnectRest rest = stack.connect().rest();
        List<String> answers = new ArrayList<>();
        for (String connector : rest.connectors()) {
            answers.add(String.valueOf(rest.connectorConfig(connector)));
            answers.add(String.valueOf(rest.tasks(connector)));
            answers.add(String.valueOf(rest.status(connector)));
        }
        String configTopic = configTopic();
        String logs = logs();

        assertThat(answers).as("REST answers").isNotEmpty();
        assertThat(configTopic).as("config topic").contains("${file:");
        for (String secret : stack.broker().security().secrets()) {
            assertThat(answers).as("REST answers").noneMatch(answer -> answer.contains(secret));
            assertThat(configTopic).as("config topic").doesNotContain(secret);
            assertThat(logs).as("broker and worker logs").doesNotContain(secret);
        }
    }

    private static String configTopic() {
        return StackTexts.configTopic(stack);
    }

    private static String logs() {
        return StackTexts.logs(stack);
    }
}
