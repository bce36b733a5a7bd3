package io.stocklake.it.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocklake.it.sink.TradeProducer.Produced;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.S3Lake;
import io.stocklake.stack.TopicReader;
import io.stocklake.testing.StackLifecycle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format and compression on a real Connect worker: known records go in, every object is read back by an
 * independent reader and compared record by record. One connector per combination, all running at once.
 */
class SinkFormatsIT {

    private static final String BUCKET = "formats";
    private static final int RECORDS = 600;
    /** 23:20:00.123 UTC two days ago (brokers refuse future timestamps), 7 s apart: two hours, two dates. */
    private static final Instant START = LocalDate.now(ZoneOffset.UTC)
            .minusDays(2)
            .atTime(23, 20, 0, 123_000_000)
            .toInstant(ZoneOffset.UTC);

    private static final DateTimeFormatter DT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("HH").withZone(ZoneOffset.UTC);

    static final PipelineStack stack = PipelineStack.builder().workers(1).build();

    @RegisterExtension
    static final StackLifecycle lifecycle = new StackLifecycle(stack);

    private static final Map<String, List<Produced>> produced = new HashMap<>();
    private static final Map<String, List<LakeFile>> written = new HashMap<>();
    private static S3Lake lake;

    static List<String[]> combinations() {
        return List.of(
                new String[] {"json", "none", ".json"},
                new String[] {"json", "gzip", ".json.gz"},
                new String[] {"json", "zstd", ".json.zst"},
                new String[] {"csv", "none", ".csv"},
                new String[] {"csv", "gzip", ".csv.gz"},
                new String[] {"csv", "zstd", ".csv.zst"},
                new String[] {"parquet", "snappy", ".parquet"},
                new String[] {"parquet", "zstd", ".parquet"},
                new String[] {"parquet", "gzip", ".parquet"},
                new String[] {"parquet", "none", ".parquet"});
    }

    @BeforeAll
    static void startOneConnectorPerCombination() {
        stack.s3().createBucket(BUCKET);
        lake = new S3Lake(stack.s3().client(), BUCKET);
        try (TradeProducer producer = new TradeProducer(stack.broker().bootstrapServers())) {
            for (String[] combination : combinations()) {
                String topic = topic(combination[0], combination[1]);
                stack.broker().createTopic(topic, 2);
                produced.put(
                        topic,
                        producer.send(
                                topic,
                                Trade.series(topic, RECORDS, START, 7_000, List.of("AAPL", "MSFT", "BRK.B"), 7)));
            }
        }
        for (String[] combination : combinations()) {
            String topic = topic(combination[0], combination[1]);
            Map<String, String> config = SinkConfigs.forTopic(stack, topic, BUCKET);
            config.put("tasks.max", "2");
            config.put("format", combination[0]);
            config.put("compression", combination[1]);
            config.put("flush.size", "128");
            // Closes the tails that flush.size leaves open.
            config.put("rotate.schedule.interval.ms", "2000");
            stack.connect().rest().putConnector(topic, config);
        }
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("combinations")
    void everyRecordReadsBackExactlyOnceWithItsValues(String format, String compression, String extension) {
        String topic = topic(format, compression);
        List<LakeFile> files = awaitAll(topic);

        List<Trade> written = files.stream().flatMap(f -> f.trades().stream()).toList();
        List<Trade> expected = produced.get(topic).stream().map(Produced::trade).toList();
        assertThat(written).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(files).allSatisfy(f -> assertThat(f.object().key()).endsWith(extension));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("combinations")
    void everyObjectSitsInTheHivePartitionOfItsRecordsEventTime(String format, String compression, String ext) {
        List<LakeFile> files = awaitAll(topic(format, compression));

        assertThat(files)
                .extracting(f -> f.object().partitionValues().get("dt"))
                .contains(DT.format(START), DT.format(START.plus(Duration.ofHours(1))));
        for (LakeFile file : files) {
            for (Trade trade : file.trades()) {
                assertThat(file.object().partitionValues())
                        .as(file.object().key())
                        .containsExactly(
                                Map.entry("dt", DT.format(trade.eventTime())),
                                Map.entry("hour", HOUR.format(trade.eventTime())));
            }
        }
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("combinations")
    void everyObjectIsNamedAfterItsFirstRecordsPartitionAndOffset(String format, String compression, String ext) {
        String topic = topic(format, compression);
        Map<String, Produced> byId = new HashMap<>();
        produced.get(topic).forEach(p -> byId.put(p.trade().id(), p));

        for (LakeFile file : awaitAll(topic)) {
            List<Produced> records =
                    file.trades().stream().map(t -> byId.get(t.id())).toList();
            assertThat(records).isSortedAccordingTo(Comparator.comparingLong(Produced::offset));
            assertThat(records)
                    .extracting(Produced::partition)
                    .containsOnly(file.object().kafkaPartition());
            assertThat(records.get(0).offset())
                    .as(file.object().key())
                    .isEqualTo(file.object().startOffset());
        }
    }

    @ParameterizedTest(name = "parquet with {0}")
    @CsvSource({"snappy,SNAPPY", "zstd,ZSTD", "gzip,GZIP", "none,UNCOMPRESSED"})
    void parquetColumnChunksUseTheConfiguredCodec(String compression, CompressionCodecName codec) throws Exception {
        List<LakeFile> files = awaitAll(topic("parquet", compression));

        for (LakeFile file : files) {
            assertThat(LakeFiles.parquet(lake.read(file.object().key())).codecs())
                    .containsOnly(codec);
        }
    }

    @Test
    void shippedS3SinkConfigWritesTheSourceTicksAsParquet() throws Exception {
        String ticksTopic = "stock-ticks";
        stack.s3().createBucket("stock-lake");
        Map<String, String> source = Map.of(
                "connector.class", "io.stocklake.source.StockTickSourceConnector",
                "tasks.max", "1",
                "topic", ticksTopic,
                "clock", "simulated",
                "max.ticks", "10000",
                "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable", "true");
        stack.connect().rest().putConnector("ticks-source", source);

        ObjectMapper json = new ObjectMapper();
        Path file = Paths.get(System.getProperty("stocklake.connect.configs"), "s3-sink.json");
        ObjectNode document = (ObjectNode) json.readTree(Files.readString(file));
        Map<String, String> added = new HashMap<>();
        SinkConfigs.putS3(added, stack);
        added.forEach(((ObjectNode) document.get("config"))::put);
        stack.connect().rest().postConnector(document);
        String sinkName = document.get("name").asText();

        S3Lake stockLake = new S3Lake(stack.s3().client(), "stock-lake");
        List<LakeFile> files = LakeWait.untilRecords(
                stack.connect().rest(), sinkName, stockLake, "topics/stock_ticks/", 10_000, Duration.ofSeconds(150));

        Map<String, JsonNode> ticks = new HashMap<>();
        for (ConsumerRecord<String, String> record : TopicReader.readUncommitted(
                        stack.broker().bootstrapServers())
                .readAll(ticksTopic, Duration.ofSeconds(30))) {
            JsonNode payload = json.readTree(record.value()).get("payload");
            ticks.put(payload.get("symbol").asText() + "#" + payload.get("seq").asLong(), payload);
        }
        List<String> seen = new ArrayList<>();
        for (LakeFile lakeFile : files) {
            assertThat(lakeFile.object().key()).endsWith(".parquet");
            assertThat(LakeFiles.parquet(stockLake.read(lakeFile.object().key()))
                            .codecs())
                    .containsOnly(CompressionCodecName.SNAPPY);
            for (LakeRow row : lakeFile.rows()) {
                String id = row.text("symbol") + "#" + row.int64("seq");
                seen.add(id);
                JsonNode tick = ticks.get(id);
                assertThat(tick).as(id).isNotNull();
                assertThat(row.timestamp("event_time"))
                        .isEqualTo(Instant.ofEpochMilli(tick.get("event_time").asLong()));
                assertThat(row.float64("price")).isEqualTo(tick.get("price").asDouble());
                assertThat(row.float64("bid")).isEqualTo(tick.get("bid").asDouble());
                assertThat(row.float64("ask")).isEqualTo(tick.get("ask").asDouble());
                assertThat(row.int64("size")).isEqualTo(tick.get("size").asLong());
                assertThat(row.int64("day_volume"))
                        .isEqualTo(tick.get("day_volume").asLong());
                assertThat(row.text("exchange")).isEqualTo(tick.get("exchange").asText());
                assertThat(lakeFile.object().partitionValues())
                        .containsExactly(
                                Map.entry("dt", DT.format(row.timestamp("event_time"))),
                                Map.entry("hour", HOUR.format(row.timestamp("event_time"))));
            }
        }
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ticks.keySet());
    }

    /** Read once per combination: the files are complete and never change afterwards. */
    private static List<LakeFile> awaitAll(String topic) {
        return written.computeIfAbsent(
                topic,
                t -> LakeWait.untilRecords(
                        stack.connect().rest(),
                        topic,
                        lake,
                        "topics/" + topic.replace('-', '_') + "/",
                        RECORDS,
                        Duration.ofSeconds(120)));
    }

    private static String topic(String format, String compression) {
        return "fmt-" + format + "-" + compression;
    }
}
