package io.stocklake.it.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.it.sink.TradeProducer.Produced;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.S3Lake;
import io.stocklake.testing.StackLifecycle;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A thousand open output partitions per Kafka partition on a worker with a small heap: buffer.max.bytes must
 * turn memory pressure into early (marked) rotations, never into an OutOfMemoryError, and lose nothing.
 */
class ManyOpenPartitionsIT {

    private static final String TOPIC = "wide-trades";
    private static final String BUCKET = "wide";
    private static final int SYMBOLS = 1_000;
    private static final int RECORDS = 10_000;

    static final PipelineStack stack =
            PipelineStack.builder().workers(1).workerHeap("256m").build();

    @RegisterExtension
    static final StackLifecycle lifecycle = new StackLifecycle(stack);

    @Test
    void aThousandOpenParquetFilesStayWithinTheBufferBoundAndEveryRecordLandsOnce() throws Exception {
        stack.s3().createBucket(BUCKET);
        // One Kafka partition: all thousand files are open in one partition writer at once.
        stack.broker().createTopic(TOPIC, 1);
        List<String> symbols = IntStream.range(0, SYMBOLS)
                .mapToObj(i -> String.format("S%04d", i))
                .toList();
        Instant nine = LocalDate.now(ZoneOffset.UTC).minusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC);
        List<Produced> produced;
        try (TradeProducer producer = new TradeProducer(stack.broker().bootstrapServers())) {
            produced = producer.send(TOPIC, Trade.series("w", RECORDS, nine, 10, symbols, 5));
            // Two hours later: exceeds rotate.interval.ms and so closes every open file; it stays open itself.
            producer.send(TOPIC, Trade.series("closer", 1, nine.plus(Duration.ofHours(2)), 0, symbols, 6));
        }
        Map<String, String> config = SinkConfigs.forTopic(stack, TOPIC, BUCKET);
        config.put("format", "parquet");
        config.put("compression", "snappy");
        config.put("partition.fields", "symbol");
        config.put("rotate.interval.ms", String.valueOf(Duration.ofHours(1).toMillis()));
        // Each open file holds at least one 32 KiB upload chunk: 1,000 of them need 32 MiB of the bound.
        config.put("buffer.max.bytes", String.valueOf(40 * 1024 * 1024));
        stack.connect().rest().putConnector(TOPIC, config);

        S3Lake lake = new S3Lake(stack.s3().client(), BUCKET);
        List<LakeFile> files = LakeWait.untilRecords(
                stack.connect().rest(), TOPIC, lake, "topics/wide_trades/", RECORDS, Duration.ofSeconds(180));

        Map<String, Integer> copies = new HashMap<>();
        for (LakeFile file : files) {
            for (Trade trade : file.trades()) {
                copies.merge(trade.id(), 1, Integer::sum);
                assertThat(file.object().partitionValues()).containsEntry("symbol", trade.symbol());
            }
        }
        assertThat(copies.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        produced.stream().map(p -> p.trade().id()).toList());
        assertThat(copies.values()).containsOnly(1);
        assertThat(files)
                .extracting(f -> f.object().partitionValues().get("symbol"))
                .hasSize(files.size())
                .containsAll(symbols);
        assertThat(stack.connect().rest().status(TOPIC).isRunning(1)).isTrue();
        assertThat(Files.readString(stack.connect().worker(0).logFile())).doesNotContain("OutOfMemoryError");
    }
}
