package io.stocklake.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.source.market.NyseTradingDays;
import io.stocklake.source.market.PriceGrid;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class StockTickSourceTaskTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Map<String, String> simulated(String symbols, long maxTicks) {
        Map<String, String> props = new HashMap<>();
        props.put("clock", "simulated");
        props.put("symbols", symbols);
        props.put("ticks.per.second", "50");
        props.put("max.ticks", Long.toString(maxTicks));
        props.put("seed", "7");
        props.put("max.batch.size", "97");
        props.put("jump.intensity", "50");
        return props;
    }

    /** Everything a consumer and the worker see of a record. */
    private static List<Object> view(SourceRecord record) {
        return List.of(
                record.key(), record.timestamp(), record.value(), record.sourcePartition(), record.sourceOffset());
    }

    private static List<List<Object>> views(List<SourceRecord> records) {
        return records.stream().map(StockTickSourceTaskTest::view).toList();
    }

    @Test
    void recordsCarrySchemaDescriptionsOnlyWhenAskedTo() throws InterruptedException {
        Map<String, String> props = simulated("AAPL", 5);
        SourceRecord plain = new TaskRunner(new OffsetStore()).run(props, 1).get(0);
        props.put("schema.docs.enable", "true");
        SourceRecord documented =
                new TaskRunner(new OffsetStore()).run(props, 1).get(0);

        assertThat(plain.valueSchema().field("price").schema().doc()).isNull();
        assertThat(documented.valueSchema().field("price").schema().doc()).isNotBlank();
        assertThat(documented.value()).hasToString(plain.value().toString());
    }

    @Test
    void aRunResumedFromItsOffsetsEqualsAnUninterruptedRunFieldByField() throws InterruptedException {
        Map<String, String> props = simulated("AAPL,KO,PENNY:0.9:0.8,ACME:1.005:0.5", 3_000);
        List<SourceRecord> uninterrupted = new TaskRunner(new OffsetStore()).run(props, Integer.MAX_VALUE);

        OffsetStore offsets = new OffsetStore();
        List<SourceRecord> resumed = new ArrayList<>(new TaskRunner(offsets).run(props, 1_234));
        resumed.addAll(new TaskRunner(offsets).run(props, Integer.MAX_VALUE));

        assertThat(uninterrupted).hasSize(3_000);
        assertThat(views(resumed)).containsExactlyElementsOf(views(uninterrupted));
    }

    @Test
    void aRunStoppedManyTimesEqualsAnUninterruptedRun() throws InterruptedException {
        Map<String, String> props = simulated("AAPL,KO,ACME:12.5", 600);
        List<SourceRecord> uninterrupted = new TaskRunner(new OffsetStore()).run(props, Integer.MAX_VALUE);

        OffsetStore offsets = new OffsetStore();
        List<SourceRecord> resumed = new ArrayList<>();
        while (resumed.size() < uninterrupted.size()) {
            resumed.addAll(new TaskRunner(offsets).run(props, 37));
        }

        assertThat(views(resumed)).containsExactlyElementsOf(views(uninterrupted));
    }

    @Test
    void oneTaskAndThreeTasksProduceTheSameTicks() throws InterruptedException {
        Map<String, String> props = simulated("", 5_000);
        props.remove("symbols");

        List<List<Object>> oneTask = ticksOfAllTasks(props, 1);
        List<List<Object>> threeTasks = ticksOfAllTasks(props, 3);

        assertThat(oneTask).hasSize(5_000).doesNotHaveDuplicates();
        assertThat(threeTasks).containsExactlyInAnyOrderElementsOf(oneTask);
    }

    private static List<List<Object>> ticksOfAllTasks(Map<String, String> props, int maxTasks)
            throws InterruptedException {
        StockTickSourceConnector connector = new StockTickSourceConnector();
        connector.start(props);
        List<List<Object>> ticks = new ArrayList<>();
        for (Map<String, String> taskProps : connector.taskConfigs(maxTasks)) {
            ticks.addAll(views(new TaskRunner(new OffsetStore()).run(taskProps, Integer.MAX_VALUE)));
        }
        return ticks;
    }

    @Test
    void ticksKeepTheMarketInvariantsOverSeveralNyseSessions() throws InterruptedException {
        // Thursday 2026-07-02 15:00, then the observed Independence Day holiday and a weekend.
        Map<String, String> props = simulated("AAPL,PENNY:0.5:0.8,DIME:0.995:0.9", 12_000);
        props.put("ticks.per.second", "0.3");
        props.put("simulated.start", "2026-07-02T15:00");
        List<Struct> ticks = new TaskRunner(new OffsetStore())
                .run(props, Integer.MAX_VALUE).stream()
                        .map(record -> (Struct) record.value())
                        .toList();

        assertThat(ticks).hasSize(12_000);
        Map<String, Struct> previous = new HashMap<>();
        List<LocalDate> sessionDates = new ArrayList<>();
        for (Struct tick : ticks) {
            assertOnGridAndInsideQuote(tick);
            ZonedDateTime time = ((Date) tick.get("event_time")).toInstant().atZone(NEW_YORK);
            assertThat(new NyseTradingDays().isTradingDay(time.toLocalDate()))
                    .as("trading day %s", time)
                    .isTrue();
            assertThat(time.toLocalTime()).isBetween(LocalTime.of(9, 30), LocalTime.of(15, 59, 59, 999_999_999));
            if (!sessionDates.contains(time.toLocalDate())) {
                sessionDates.add(time.toLocalDate());
            }

            Struct before = previous.put(tick.getString("symbol"), tick);
            long expectedSeq = before == null ? 1 : before.getInt64("seq") + 1;
            assertThat(tick.getInt64("seq")).isEqualTo(expectedSeq);
            boolean sameSession = before != null
                    && ((Date) before.get("event_time"))
                            .toInstant()
                            .atZone(NEW_YORK)
                            .toLocalDate()
                            .equals(time.toLocalDate());
            long volumeBefore = sameSession ? before.getInt64("day_volume") : 0;
            assertThat(tick.getInt64("day_volume")).isEqualTo(volumeBefore + tick.getInt32("size"));
            if (before != null) {
                assertThat((Date) tick.get("event_time")).isAfterOrEqualTo((Date) before.get("event_time"));
            }
        }
        assertThat(sessionDates).startsWith(LocalDate.of(2026, 7, 2), LocalDate.of(2026, 7, 6));
    }

    private static void assertOnGridAndInsideQuote(Struct tick) {
        long price = PriceGrid.unitsOf(tick.getFloat64("price"));
        long bid = PriceGrid.unitsOf(tick.getFloat64("bid"));
        long ask = PriceGrid.unitsOf(tick.getFloat64("ask"));
        assertThat(List.of(price, bid, ask)).as("on the grid: %s", tick).allMatch(PriceGrid::isOnGrid);
        assertThat(bid).as("bid < ask: %s", tick).isLessThan(ask);
        assertThat(price).as("bid <= price <= ask: %s", tick).isBetween(bid, ask);
        assertThat(tick.getInt32("size")).isPositive();
        assertThat(tick.getInt32("bid_size")).isPositive();
        assertThat(tick.getInt32("ask_size")).isPositive();
    }

    @Test
    void theRecordIsKeyedBySymbolAndStampedWithTheEventTime() throws InterruptedException {
        SourceRecord record =
                new TaskRunner(new OffsetStore()).run(simulated("KO", 1), 1).get(0);
        Struct tick = (Struct) record.value();

        assertThat(record.topic()).isEqualTo("stock-ticks");
        assertThat(record.key()).isEqualTo("KO");
        assertThat(tick.getString("exchange")).isEqualTo("XNYS");
        assertThat(record.timestamp()).isEqualTo(((Date) tick.get("event_time")).getTime());
        assertThat(record.sourcePartition()).isEqualTo(Map.of("symbol", "KO"));
    }

    @Test
    void aFinishedTaskIdlesInsteadOfFailing() throws InterruptedException {
        List<Long> waits = new ArrayList<>();
        StockTickSourceTask task = new StockTickSourceTask(new ManualTime(Instant.EPOCH), () -> 0, waits::add);
        task.initialize(new OffsetStore());
        task.start(simulated("AAPL,KO", 10));
        List<SourceRecord> first = task.poll();

        List<List<SourceRecord>> afterwards = new ArrayList<>();
        for (int poll = 0; poll < 3; poll++) {
            afterwards.add(task.poll());
        }

        assertThat(first).hasSize(10);
        assertThat(afterwards).containsOnlyNulls();
        assertThat(waits).hasSize(3).allMatch(nanos -> nanos > 0);
    }

    @Test
    void theRealtimeClockEmitsTheTasksShareOfTheRatePerWallSecond() throws InterruptedException {
        ManualTime time = new ManualTime(Instant.parse("2026-03-07T12:00:00Z"));
        StockTickSourceConnector connector = new StockTickSourceConnector();
        connector.start(Map.of("symbols", "AAPL,MSFT,KO,PG", "ticks.per.second", "100", "session.calendar", "24x7"));
        StockTickSourceTask task = new StockTickSourceTask(time, time::nanos, nanos -> {});
        task.initialize(new OffsetStore());
        task.start(connector.taskConfigs(2).get(0));

        List<SourceRecord> records = new ArrayList<>();
        for (int step = 0; step < 1_000; step++) {
            time.advance(Duration.ofMillis(10));
            List<SourceRecord> batch = task.poll();
            if (batch != null) {
                records.addAll(batch);
            }
        }

        // 10 s at 50 ticks/s (half the symbols), plus the token the bucket starts with.
        assertThat(records).hasSizeBetween(500, 501);
        assertThat(records).extracting(SourceRecord::key).containsOnly("AAPL", "KO");
        SourceRecord last = records.get(records.size() - 1);
        assertThat(last.timestamp()).isEqualTo(time.instant().toEpochMilli());
    }

    @Test
    void anAcceleratedSimulationNeverRunsAheadOfTheAcceleratedWallClock() throws InterruptedException {
        ManualTime time = new ManualTime(Instant.parse("2026-03-02T15:00:00Z"));
        Map<String, String> props = simulated("AAPL", 0);
        props.put("ticks.per.second", "1");
        props.put("simulated.acceleration", "60");
        props.put("session.calendar", "24x7");
        props.put("simulated.start", "2026-01-05T00:00:00Z");
        StockTickSourceTask task = new StockTickSourceTask(time, time::nanos, nanos -> {});
        task.initialize(new OffsetStore());
        task.start(props);
        Instant start = Instant.parse("2026-01-05T00:00:00Z");

        List<SourceRecord> records = new ArrayList<>();
        for (int step = 1; step <= 100; step++) {
            time.advance(Duration.ofMillis(100));
            List<SourceRecord> batch = task.poll();
            if (batch != null) {
                records.addAll(batch);
            }
            Instant simulatedNow = start.plus(Duration.ofSeconds(6L * step));
            assertThat(records)
                    .allMatch(
                            record -> !Instant.ofEpochMilli(record.timestamp()).isAfter(simulatedNow));
        }

        // 10 wall seconds at 60x are 600 trading seconds: about 600 ticks at 1 tick/s.
        assertThat(records).hasSizeBetween(500, 700);
    }

    @Test
    void aRealtimeStreamResumesItsSequenceFromTheOffsets() throws InterruptedException {
        ManualTime time = new ManualTime(Instant.parse("2026-03-07T12:00:00Z"));
        Map<String, String> props = Map.of("symbols", "AAPL", "ticks.per.second", "100", "session.calendar", "24x7");
        OffsetStore offsets = new OffsetStore();
        List<Long> seqs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            StockTickSourceTask task = new StockTickSourceTask(time, time::nanos, nanos -> {});
            task.initialize(offsets);
            task.start(props);
            for (int step = 0; step < 10; step++) {
                time.advance(Duration.ofMillis(100));
                List<SourceRecord> batch = task.poll();
                offsets.commit(batch);
                batch.forEach(record -> seqs.add(((Struct) record.value()).getInt64("seq")));
            }
            task.stop();
        }

        assertThat(seqs).hasSizeGreaterThan(150);
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(i + 1L);
        }
    }

    /**
     * A worker that crashed after committing only part of what it sent restarts from its offsets later by the wall
     * clock: every (symbol, seq) it sends again is the tick it sent the first time, the event time apart.
     */
    @Test
    void aRealtimeReplayFromAnOffsetReEmitsTheSameTicksButForTheirEventTimes() throws InterruptedException {
        ManualTime time = new ManualTime(Instant.parse("2026-03-07T12:00:00Z"));
        Map<String, String> props = Map.of("symbols", "AAPL,KO", "ticks.per.second", "100", "session.calendar", "24x7");
        OffsetStore offsets = new OffsetStore();
        List<SourceRecord> first = realtimeRun(time, offsets, props, 20);
        offsets.commit(first.subList(0, 40));

        time.advance(Duration.ofSeconds(37));
        List<SourceRecord> replay = realtimeRun(time, offsets, props, 20);

        Map<List<Object>, List<String>> sent = new HashMap<>();
        first.forEach(record -> sent.put(identity(record), fieldsButEventTime(record)));
        List<SourceRecord> again = replay.stream()
                .filter(record -> sent.containsKey(identity(record)))
                .toList();
        assertThat(again).hasSizeGreaterThan(100);
        assertThat(again)
                .allSatisfy(record -> assertThat(fieldsButEventTime(record))
                        .as("%s", identity(record))
                        .isEqualTo(sent.get(identity(record))));
        assertThat(again.get(0).timestamp())
                .isGreaterThan(first.get(first.size() - 1).timestamp());
    }

    private static List<SourceRecord> realtimeRun(
            ManualTime time, OffsetStore offsets, Map<String, String> props, int steps) throws InterruptedException {
        StockTickSourceTask task = new StockTickSourceTask(time, time::nanos, nanos -> {});
        task.initialize(offsets);
        task.start(props);
        List<SourceRecord> records = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            time.advance(Duration.ofMillis(100));
            List<SourceRecord> batch = task.poll();
            if (batch != null) {
                records.addAll(batch);
            }
        }
        task.stop();
        return records;
    }

    private static List<Object> identity(SourceRecord record) {
        Struct tick = (Struct) record.value();
        return List.of(tick.getString("symbol"), tick.getInt64("seq"));
    }

    private static List<String> fieldsButEventTime(SourceRecord record) {
        Struct tick = (Struct) record.value();
        return tick.schema().fields().stream()
                .filter(field -> !field.name().equals("event_time"))
                .map(field -> String.valueOf(tick.get(field)))
                .toList();
    }

    @Test
    void theRealtimeClockIsSilentWhileTheExchangeIsClosed() throws InterruptedException {
        ManualTime saturday = new ManualTime(Instant.parse("2026-03-07T16:00:00Z"));
        List<Long> waits = new ArrayList<>();
        StockTickSourceTask task = new StockTickSourceTask(saturday, saturday::nanos, waits::add);
        task.initialize(new OffsetStore());
        task.start(Map.of("symbols", "AAPL", "session.calendar", "nyse"));

        assertThat(task.poll()).isNull();
        assertThat(waits).containsExactly(Duration.ofSeconds(1).toNanos());
    }

    @Test
    void theSameSeedGivesTheSameTicksAndAnotherSeedOthers() throws InterruptedException {
        Map<String, String> props = simulated("AAPL,KO", 200);
        Map<String, String> otherSeed = new HashMap<>(props);
        otherSeed.put("seed", "8");

        List<List<Object>> first = views(new TaskRunner(new OffsetStore()).run(props, Integer.MAX_VALUE));
        List<List<Object>> again = views(new TaskRunner(new OffsetStore()).run(props, Integer.MAX_VALUE));
        List<List<Object>> other = views(new TaskRunner(new OffsetStore()).run(otherSeed, Integer.MAX_VALUE));

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void symbolsAreMergedInEventTimeOrder() throws InterruptedException {
        List<Long> times = new TaskRunner(new OffsetStore())
                .run(simulated("AAPL,KO,PG", 900), Integer.MAX_VALUE).stream()
                        .map(SourceRecord::timestamp)
                        .toList();

        assertThat(times).isSortedAccordingTo(Comparator.naturalOrder());
    }
}
