package io.stocklake.it.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocklake.it.sink.TradeProducer.Produced;
import io.stocklake.stack.ConnectorStatus;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.S3Lake;
import io.stocklake.stack.TopicReader;
import io.stocklake.testing.StackLifecycle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Records the sink cannot write: to the dead letter queue with the reason, or a failed task that says why. */
class SinkBadRecordsIT {

    private static final String BUCKET = "bad-records";
    /** Days back: brokers refuse future timestamps. */
    private static final Instant NOON =
            LocalDate.now(ZoneOffset.UTC).minusDays(3).atTime(12, 0).toInstant(ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper();

    static final PipelineStack stack = PipelineStack.builder().workers(1).build();

    @RegisterExtension
    static final StackLifecycle lifecycle = new StackLifecycle(stack);

    private static S3Lake lake;

    @BeforeAll
    static void bucket() {
        stack.s3().createBucket(BUCKET);
        lake = new S3Lake(stack.s3().client(), BUCKET);
    }

    @Test
    void unwritableRecordsGoToTheDeadLetterQueueWithTheReasonAndTheRestFlowOn() {
        String topic = "bad-to-dlq";
        String dlq = topic + "-dlq";
        stack.broker().createTopic(topic, 1);
        List<Produced> good = new ArrayList<>();
        long missingAt;
        long wrongTypeAt;
        try (TradeProducer producer = new TradeProducer(stack.broker().bootstrapServers())) {
            good.addAll(producer.send(topic, Trade.series(topic + "-a", 10, NOON, 1_000, List.of("AAPL"), 1)));
            missingAt = producer.sendRaw(topic, 0, "AAPL", withoutTimeField()).offset();
            wrongTypeAt = producer.sendRaw(topic, 0, "AAPL", withTextTimeField("yesterday"))
                    .offset();
            good.addAll(producer.send(topic, Trade.series(topic + "-b", 10, NOON, 1_000, List.of("AAPL"), 2)));
        }
        Map<String, String> config = SinkConfigs.forTopic(stack, topic, BUCKET);
        config.put("flush.size", "20");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", dlq);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        stack.connect().rest().putConnector(topic, config);

        List<LakeFile> files = LakeWait.untilRecords(
                stack.connect().rest(), topic, lake, "topics/bad_to_dlq/", 20, Duration.ofSeconds(90));
        List<ConsumerRecord<String, String>> dead =
                TopicReader.readUncommitted(stack.broker().bootstrapServers()).readAll(dlq, Duration.ofSeconds(30));

        assertThat(files)
                .flatExtracting(LakeFile::trades)
                .containsExactlyElementsOf(good.stream().map(Produced::trade).toList());
        assertThat(dead)
                .extracting(r -> header(r, "__connect.errors.offset"))
                .containsExactly(String.valueOf(missingAt), String.valueOf(wrongTypeAt));
        assertThat(dead)
                .extracting(r -> header(r, "__connect.errors.exception.message"))
                .containsExactly(
                        "record value has no field event_time",
                        "time field event_time is not an ISO-8601 date-time with offset: yesterday");
        assertThat(dead)
                .extracting(r -> header(r, "__connect.errors.exception.class.name"))
                .containsOnly("org.apache.kafka.connect.errors.DataException");
        assertThat(stack.connect().rest().status(topic).isRunning(1)).isTrue();
    }

    @Test
    void withoutToleranceTheTaskFailsNamingTheOffsetAndTheField() {
        String topic = "bad-fails-task";
        stack.broker().createTopic(topic, 1);
        long badAt;
        try (TradeProducer producer = new TradeProducer(stack.broker().bootstrapServers())) {
            producer.send(topic, Trade.series(topic, 3, NOON, 1_000, List.of("AAPL"), 3));
            badAt = producer.sendRaw(topic, 0, "AAPL", withoutTimeField()).offset();
        }
        Map<String, String> config = SinkConfigs.forTopic(stack, topic, BUCKET);
        config.put("errors.tolerance", "none");
        stack.connect().rest().putConnector(topic, config);

        ConnectorStatus status = stack.connect().rest().awaitTaskFailure(topic, Duration.ofSeconds(90));

        assertThat(status.failureTrace())
                .contains(topic + "-0@" + badAt)
                .contains("record value has no field event_time");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A struct whose schema has no event_time field at all. */
    private static String withoutTimeField() {
        ObjectNode schema = JSON.createObjectNode()
                .put("type", "struct")
                .put("name", "Trade")
                .put("optional", false);
        schema.putArray("fields").add(Trade.field("id", "string", false)).add(Trade.field("symbol", "string", false));
        ObjectNode envelope = JSON.createObjectNode();
        envelope.set("schema", schema);
        envelope.set("payload", JSON.createObjectNode().put("id", "no-time").put("symbol", "AAPL"));
        return envelope.toString();
    }

    /** A struct whose event_time is text that is no date-time. */
    private static String withTextTimeField(String text) {
        ObjectNode schema = JSON.createObjectNode()
                .put("type", "struct")
                .put("name", "Trade")
                .put("optional", false);
        schema.putArray("fields")
                .add(Trade.field("id", "string", false))
                .add(Trade.field("event_time", "string", false));
        ObjectNode envelope = JSON.createObjectNode();
        envelope.set("schema", schema);
        envelope.set("payload", JSON.createObjectNode().put("id", "text-time").put("event_time", text));
        return envelope.toString();
    }
}
