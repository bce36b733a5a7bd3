package io.stocklake.it.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.it.sink.TradeProducer.Produced;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.S3Lake;
import io.stocklake.testing.StackLifecycle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each rotation trigger on a real Connect worker, one connector per trigger, JSON lines so sizes are plain. */
class SinkRotationIT {

    private static final String BUCKET = "rotation";
    /** Days back: brokers refuse future timestamps. */
    private static final Instant TEN_AM =
            LocalDate.now(ZoneOffset.UTC).minusDays(3).atTime(10, 0).toInstant(ZoneOffset.UTC);

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
    void flushSizeCutsFilesOfExactlyThatManyRecords() {
        String topic = "rotate-flush-size";
        produce(topic, Trade.series(topic, 250, TEN_AM, 100, List.of("AAPL"), 1));
        Map<String, String> config = SinkConfigs.forTopic(stack, topic, BUCKET);
        config.put("flush.size", "50");
        stack.connect().rest().putConnector(topic, config);

        List<LakeFile> files = sorted(
                LakeWait.untilRecords(stack.connect().rest(), topic, lake, prefix(topic), 250, Duration.ofSeconds(90)));

        assertThat(files).extracting(f -> f.rows().size()).containsExactly(50, 50, 50, 50, 50);
        assertThat(files).extracting(f -> f.object().startOffset()).containsExactly(0L, 50L, 100L, 150L, 200L);
    }

    @Test
    void rotateSizeBytesClosesAFileWithTheRecordThatReachesTheLimit() {
        String topic = "rotate-size-bytes";
        int limit = 4096;
        produce(topic, Trade.series(topic, 300, TEN_AM, 100, List.of("AAPL"), 2));
        Map<String, String> config = SinkConfigs.forTopic(stack, topic, BUCKET);
        config.put("rotate.size.bytes", String.valueOf(limit));
        stack.connect().rest().putConnector(topic, config);

        // A file holds about 27 lines: all but the open tail arrive.
        List<LakeFile> files =
                LakeWait.untilRecords(stack.connect().rest(), topic, lake, prefix(topic), 240, Duration.ofSeconds(90));

        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        for (LakeFile file : files) {
            String text = new String(lake.read(file.object().key()), StandardCharsets.UTF_8);
            String withoutLastLine = text.substring(0, text.lastIndexOf('\n', text.length() - 2) + 1);
            assertThat(file.object().size()).as(file.object().key()).isGreaterThanOrEqualTo(limit);
            assertThat(withoutLastLine.getBytes(StandardCharsets.UTF_8).length)
                    .as(file.object().key())
                    .isLessThan(limit);
        }
    }

    @Test
    void rotateIntervalMsBoundsTheEventTimeSpanOfAFile() {
        String topic = "rotate-interval";
        // One record a second for five minutes, and one more to close the fifth minute's file.
        produce(topic, Trade.series(topic, 301, TEN_AM, 1_000, List.of("AAPL"), 3));
        Map<String, String> config = SinkConfigs.forTopic(stack, topic, BUCKET);
        config.put("rotate.interval.ms", "60000");
        stack.connect().rest().putConnector(topic, config);

        List<LakeFile> files = sorted(
                LakeWait.untilRecords(stack.connect().rest(), topic, lake, prefix(topic), 300, Duration.ofSeconds(90)));

        assertThat(files)
                .extracting(f -> f.trades().get(0).eventTime())
                .containsExactly(
                        TEN_AM,
                        TEN_AM.plusSeconds(60),
                        TEN_AM.plusSeconds(120),
                        TEN_AM.plusSeconds(180),
                        TEN_AM.plusSeconds(240));
        assertThat(files)
                .extracting(f -> f.trades().get(f.rows().size() - 1).eventTime())
                .containsExactly(
                        TEN_AM.plusSeconds(59),
                        TEN_AM.plusSeconds(119),
                        TEN_AM.plusSeconds(179),
                        TEN_AM.plusSeconds(239),
                        TEN_AM.plusSeconds(299));
    }

    @Test
    void rotateScheduleIntervalMsWritesTheOpenFileWithoutNewRecords() {
        String topic = "rotate-schedule";
        long intervalMs = 5_000;
        stack.broker().createTopic(topic, 1);
        Map<String, String> config = SinkConfigs.forTopic(stack, topic, BUCKET);
        config.put("flush.size", "1000");
        config.put("rotate.schedule.interval.ms", String.valueOf(intervalMs));
        stack.connect().rest().putConnector(topic, config);
        stack.connect().rest().awaitRunning(topic, 1, Duration.ofSeconds(60));

        List<Produced> produced = produce(topic, Trade.series(topic, 5, TEN_AM, 1_000, List.of("AAPL"), 4));
        Instant lastProduced = Instant.now();
        List<LakeFile> files =
                LakeWait.untilRecords(stack.connect().rest(), topic, lake, prefix(topic), 5, Duration.ofSeconds(60));
        Duration latency = Duration.between(lastProduced, Instant.now());

        assertThat(files)
                .flatExtracting(LakeFile::trades)
                .containsExactlyElementsOf(
                        produced.stream().map(Produced::trade).toList());
        // The interval, the worker's offset.flush.interval.ms (1 s) that paces empty puts, and polling slack.
        assertThat(latency).isLessThan(Duration.ofMillis(intervalMs).plusSeconds(10));
    }

    private static List<Produced> produce(String topic, List<Trade> trades) {
        stack.broker().createTopicIfAbsent(topic, 1);
        try (TradeProducer producer = new TradeProducer(stack.broker().bootstrapServers())) {
            return producer.send(topic, trades);
        }
    }

    private static List<LakeFile> sorted(List<LakeFile> files) {
        return files.stream()
                .sorted(Comparator.comparingLong(f -> f.object().startOffset()))
                .toList();
    }

    private static String prefix(String topic) {
        return "topics/" + topic.replace('-', '_') + "/";
    }
}
