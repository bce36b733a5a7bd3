package io.stocklake.it.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stocklake.stack.ConnectRest;
import io.stocklake.stack.ConnectorStatus;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.TopicReader;
import io.stocklake.testing.StackLifecycle;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The source connector on a real two-worker Connect cluster, loaded from its plugin archive: the shipped
 * configuration, the records of a bounded simulated run over several sessions, and the split over tasks.
 * The two bounded runs are produced once, before the tests that inspect them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StockTickSourceIT {

    static final PipelineStack stack = PipelineStack.builder().workers(2).build();

    @RegisterExtension
    static final StackLifecycle lifecycle = new StackLifecycle(stack);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(180);

    /** 0.25 ticks per trading second over 20 symbols: 20,000 ticks span about three and a half sessions. */
    private static final String BOUNDED = "bounded-run";

    private static final long BOUNDED_TICKS = 20_000;
    /** Not a multiple of 20 symbols, so one symbol gets one tick more than the others. */
    private static final String SPLIT = "split-run";

    private static final long SPLIT_TICKS = 9_001;

    private List<Tick> bounded;
    private List<Tick> split;

    @BeforeAll
    void produceBoundedRuns() {
        ConnectRest rest = rest();
        Map<String, String> boundedConfig =
                SourceConfigs.with(SourceConfigs.simulated(BOUNDED, 11, BOUNDED_TICKS), "ticks.per.second", "0.25");
        rest.putConnector(BOUNDED, boundedConfig);
        rest.putConnector(SPLIT, SourceConfigs.with(SourceConfigs.simulated(SPLIT, 12, SPLIT_TICKS), "tasks.max", "3"));

        new CommittedProgress(rest, BOUNDED).awaitTicks(BOUNDED_TICKS, RUN_TIMEOUT);
        new CommittedProgress(rest, SPLIT).awaitTicks(SPLIT_TICKS, RUN_TIMEOUT);
        bounded = topic(BOUNDED).ticks();
        split = topic(SPLIT).ticks();
    }

    @Test
    void shippedConfigIsAcceptedAsIsAndWritesTheDocumentedSchemaInEveryEnvelope() throws IOException {
        JsonNode document =
                JSON.readTree(Path.of(System.getProperty("stocklake.connect.configs"), "stock-ticks-source.json")
                        .toFile());
        String name = document.path("name").asText();
        String topic = document.path("config").path("topic").asText();
        int tasks = document.path("config").path("tasks.max").asInt();

        rest().postConnector(document);
        rest().awaitRunning(name, tasks, Duration.ofSeconds(60));
        topic(topic).awaitEndOffsetSum(20, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> records = reader().readAll(topic, Duration.ofSeconds(30));
        rest().deleteConnector(name);

        JsonNode schema = Tick.envelope(records.get(0)).path("schema");
        assertThat(schema.path("type").asText()).isEqualTo("struct");
        assertThat(schema.path("name").asText()).isEqualTo("StockTick");
        assertThat(schema.path("version").asInt()).isEqualTo(1);
        assertThat(schema.path("optional").asBoolean(true)).isFalse();
        assertThat(StreamSupport.stream(schema.path("fields").spliterator(), false)
                        .toList())
                .extracting(
                        f -> f.path("field").asText(),
                        f -> f.path("type").asText(),
                        f -> f.path("name").asText(null),
                        f -> f.path("optional").asBoolean(true))
                .containsExactly(
                        tuple("symbol", "string", null, false),
                        tuple("exchange", "string", null, false),
                        tuple("event_time", "int64", "org.apache.kafka.connect.data.Timestamp", false),
                        tuple("seq", "int64", null, false),
                        tuple("price", "double", null, false),
                        tuple("size", "int32", null, false),
                        tuple("bid", "double", null, false),
                        tuple("ask", "double", null, false),
                        tuple("bid_size", "int32", null, false),
                        tuple("ask_size", "int32", null, false),
                        tuple("day_volume", "int64", null, false));
        assertThat(records)
                .allSatisfy(r -> assertThat(Tick.envelope(r).path("schema")).isEqualTo(schema));
    }

    @Test
    void boundedRunWritesExactlyMaxTicksRecords() {
        assertThat(bounded).hasSize((int) BOUNDED_TICKS);
        assertThat(bounded.stream().map(Tick::id).distinct()).hasSize((int) BOUNDED_TICKS);
    }

    @Test
    void recordsAreKeyedBySymbolAndStampedWithTheirEventTime() {
        assertThat(bounded).allSatisfy(t -> {
            assertThat(t.key()).isEqualTo(t.symbol());
            assertThat(t.timestamp()).isEqualTo(t.eventTime());
        });
    }

    @Test
    void pricesAndQuotesLieOnTheTickGrid() {
        assertThat(bounded).allSatisfy(t -> {
            assertThat(onGrid(t.price())).as("price %s", t).isTrue();
            assertThat(onGrid(t.bid())).as("bid %s", t).isTrue();
            assertThat(onGrid(t.ask())).as("ask %s", t).isTrue();
        });
    }

    @Test
    void everyTradePrintsWithinAQuoteWhoseBidIsBelowItsAsk() {
        assertThat(bounded).allSatisfy(t -> {
            assertThat(t.bid()).as("bid below ask: %s", t).isLessThan(t.ask());
            assertThat(t.price()).as("price within the quote: %s", t).isBetween(t.bid(), t.ask());
        });
    }

    @Test
    void sequenceNumbersRunFromOneWithoutGapsInOrderPerSymbol() {
        Map<String, List<Tick>> bySymbol = bySymbol(bounded);

        assertThat(bySymbol).hasSize(20);
        bySymbol.forEach((symbol, ticks) -> assertThat(ticks)
                .extracting(Tick::seq)
                .as(symbol)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, ticks.size()).boxed().toList()));
    }

    @Test
    void eventTimesAdvancePerSymbolInsideNyseSessions() {
        assertThat(bounded).allSatisfy(t -> {
            ZonedDateTime local = Instant.ofEpochMilli(t.eventTime()).atZone(NEW_YORK);
            assertThat(local.getDayOfWeek()).as("%s", t).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(local.toLocalTime()).as("%s", t).isBetween(LocalTime.of(9, 30), LocalTime.of(16, 0));
        });
        bySymbol(bounded)
                .forEach((symbol, ticks) ->
                        assertThat(ticks).extracting(Tick::eventTime).as(symbol).isSorted());
    }

    @Test
    void dayVolumeAddsUpTradeSizesAndRestartsWithEachSession() {
        assertThat(bounded.stream().map(StockTickSourceIT::sessionDate).distinct())
                .as("sessions in the run")
                .hasSizeGreaterThanOrEqualTo(3);
        bySymbol(bounded).forEach((symbol, ticks) -> {
            Tick previous = null;
            for (Tick tick : ticks) {
                boolean sameSession = previous != null && sessionDate(previous).equals(sessionDate(tick));
                long expected = sameSession ? previous.dayVolume() + tick.size() : tick.size();
                assertThat(tick.dayVolume())
                        .as("day_volume of %s after %s", tick, previous)
                        .isEqualTo(expected);
                previous = tick;
            }
        });
    }

    @Test
    void connectorAndTasksStayRunningOnceMaxTicksIsReached() {
        List<ConnectorStatus> seen = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            seen.add(rest().status(BOUNDED));
            sleep(Duration.ofMillis(500));
        }

        assertThat(seen).allSatisfy(s -> assertThat(s.isRunning(1)).as("%s", s).isTrue());
        assertThat(topic(BOUNDED).endOffsetSum()).isEqualTo(BOUNDED_TICKS);
    }

    @Test
    void threeTaskConfigsEachTakeADistinctShareOfTheUniverse() {
        List<JsonNode> tasks =
                StreamSupport.stream(rest().tasks(SPLIT).spliterator(), false).toList();

        assertThat(tasks)
                .extracting(t -> t.path("config").path("task.count").asText())
                .containsExactly("3", "3", "3");
        assertThat(tasks)
                .extracting(t -> t.path("config").path("task.index").asText())
                .containsExactlyInAnyOrder("0", "1", "2");
        assertThat(tasks)
                .extracting(t -> t.path("config").path("max.ticks").asText())
                .containsOnly(Long.toString(SPLIT_TICKS));
    }

    @Test
    void threeTasksWriteEachTickOfEverySymbolOnceAndMaxTicksInTotal() {
        Map<String, List<Tick>> bySymbol = bySymbol(split);

        // Were a symbol owned by two tasks, both would write its seq 1, 2, ...: duplicates and a larger total.
        assertThat(bySymbol).hasSize(20);
        assertThat(split).hasSize((int) SPLIT_TICKS);
        assertThat(split.stream().map(Tick::id).collect(Collectors.toSet())).hasSize((int) SPLIT_TICKS);
        assertThat(bySymbol.values()).extracting(List::size).containsOnly(450, 451);
        bySymbol.forEach((symbol, ticks) -> assertThat(ticks)
                .extracting(Tick::seq)
                .as(symbol)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, ticks.size()).boxed().toList()));
    }

    private static boolean onGrid(double price) {
        double units = price / (price >= 1.0 ? 0.01 : 0.0001);
        return Math.abs(units - Math.rint(units)) < 1e-6;
    }

    private static LocalDate sessionDate(Tick tick) {
        return Instant.ofEpochMilli(tick.eventTime()).atZone(NEW_YORK).toLocalDate();
    }

    /** Each symbol's ticks in topic order (one partition, so in the order they were written). */
    private static Map<String, List<Tick>> bySymbol(List<Tick> ticks) {
        return ticks.stream().collect(Collectors.groupingBy(Tick::symbol, LinkedHashMap::new, Collectors.toList()));
    }

    private static ConnectRest rest() {
        return stack.connect().rest();
    }

    private static TopicReader reader() {
        return TopicReader.readUncommitted(stack.broker().bootstrapServers());
    }

    private static TickTopic topic(String name) {
        return new TickTopic(reader(), name);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
