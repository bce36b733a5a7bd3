package io.stocklake.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.stack.ConnectorStatus;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.S3Lake;
import io.stocklake.stack.TopicReader;
import io.stocklake.testing.LakeAudit;
import io.stocklake.testing.StackLifecycle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Records the sink cannot write, of every kind at once (times no table holds among them): with
 * {@code errors.tolerance=all} each goes to the dead letter queue with its reason in the headers and every other
 * record lands exactly once (audit and Trino count); with {@code none} the task fails naming the offset and the
 * field. {@code SinkBadRecordsIT} (integration-tests) covers the first two kinds alone. Also: partition values
 * that only differ in characters Hive escapes keep folders of their own and read back as they were.
 */
class BadRecordsIT {

    /** Days back: brokers refuse future timestamps. */
    private static final Instant NOON =
            LocalDate.now(ZoneOffset.UTC).minusDays(3).atTime(12, 0).toInstant(ZoneOffset.UTC);

    private static final int ONE_MIB = 1024 * 1024;

    static final PipelineStack stack =
            PipelineStack.builder().workers(1).withGlue().build();

    @RegisterExtension
    @Order(1)
    static final StackLifecycle lifecycle = new StackLifecycle(stack);

    @RegisterExtension
    @Order(2)
    static final AthenaView athena = new AthenaView(stack);

    /** A kind of bad record: its value, the stage that rejects it, and what the reason must name. */
    private record BadKind(String name, String value, String stage, String named) {}

    /** Each kind, as the {@code seq}-th record of a topic whose earlier records made the table. */
    private static List<BadKind> badKinds(long seq) {
        Instant time = NOON.plusSeconds(seq);
        return List.of(
                new BadKind(
                        "missing time field",
                        TradeEnvelope.of("AAPL", seq, time)
                                .without("event_time")
                                .json(),
                        "TASK_PUT",
                        "event_time"),
                new BadKind(
                        "time field of the wrong type",
                        TradeEnvelope.of("AAPL", seq + 1, time)
                                .asText("event_time", "yesterday")
                                .json(),
                        "TASK_PUT",
                        "event_time"),
                new BadKind(
                        "unexpected schema change (price turned string)",
                        TradeEnvelope.of("AAPL", seq + 2, time)
                                .asText("price", "101.50")
                                .json(),
                        "TASK_PUT",
                        "price"),
                new BadKind(
                        "malformed JSON",
                        "{\"schema\": {\"type\": \"struct\", \"fields\": [",
                        "VALUE_CONVERTER",
                        "serialization error"));
    }

    /**
     * Times no lake table holds, as the {@code seq}-th record on: each once made the task throw from {@code put}
     * past the dead letter queue, and restart into the same record.
     */
    private static List<BadKind> extremeTimes(long seq) {
        List<BadKind> kinds = new ArrayList<>();
        Map<String, Long> extremes = new LinkedHashMap<>();
        extremes.put("Long.MAX_VALUE ms", Long.MAX_VALUE);
        extremes.put("Long.MIN_VALUE ms", Long.MIN_VALUE);
        extremes.put("year 10000", Instant.parse("+10000-01-01T00:00:00Z").toEpochMilli());
        extremes.put("year 0", Instant.parse("0000-06-15T12:00:00Z").toEpochMilli());
        for (Map.Entry<String, Long> extreme : extremes.entrySet()) {
            kinds.add(new BadKind(
                    "event time " + extreme.getKey(),
                    TradeEnvelope.of("AAPL", seq++, NOON)
                            .eventTimeMillis(extreme.getValue())
                            .json(),
                    "TASK_PUT",
                    "outside years 0001 to 9999"));
        }
        return kinds;
    }

    @Test
    void everyKindOfBadRecordGoesToTheDeadLetterQueueWithItsReasonAndTheRestLandsOnce() {
        TickLake lake = TickLake.of(stack, "bad-to-dlq");
        String dlq = lake.topic() + "-dlq";
        // Room for the oversized record: 2 MiB, twice buffer.max.bytes and rotate.size.bytes.
        lake.create(1, Map.of("max.message.bytes", String.valueOf(4 * ONE_MIB)));
        Map<String, String> sink = tolerant(lake, dlq);
        List<Long> goodOffsets = new ArrayList<>();
        Map<Long, BadKind> badAt = new LinkedHashMap<>();
        long oversizedAt;
        try (RecordProducer producer = new RecordProducer(stack.broker().bootstrapServers(), 4 * ONE_MIB)) {
            long seq = 1;
            for (; seq <= 10; seq++) {
                goodOffsets.add(trade(producer, lake, seq, null));
            }
            List<BadKind> kinds = new ArrayList<>(badKinds(100));
            kinds.addAll(extremeTimes(200));
            for (BadKind kind : kinds) {
                badAt.put(producer.send(lake.topic(), "AAPL", NOON.toEpochMilli(), kind.value()), kind);
                goodOffsets.add(trade(producer, lake, seq++, null));
            }
            oversizedAt = trade(producer, lake, seq++, "y".repeat(2 * ONE_MIB));
            goodOffsets.add(oversizedAt);
            for (int i = 0; i < 10; i++) {
                goodOffsets.add(trade(producer, lake, seq++, null));
            }
        }
        lake.rest().putConnector(lake.sink(), sink);

        List<ConsumerRecord<String, String>> all = lake.awaitAllCommitted(Duration.ofSeconds(120));
        List<ConsumerRecord<String, String>> dead =
                TopicReader.readUncommitted(stack.broker().bootstrapServers()).readAll(dlq, Duration.ofSeconds(30));

        // Converter failures are reported as a batch is read, before the put that rejects the others.
        assertThat(dead)
                .extracting(r -> Long.parseLong(header(r, "__connect.errors.offset")))
                .containsExactlyInAnyOrderElementsOf(badAt.keySet());
        for (ConsumerRecord<String, String> record : dead) {
            BadKind kind = badAt.get(Long.parseLong(header(record, "__connect.errors.offset")));
            assertThat(header(record, "__connect.errors.stage")).as(kind.name()).isEqualTo(kind.stage());
            assertThat(header(record, "__connect.errors.exception.message"))
                    .as(kind.name())
                    .contains(kind.named());
        }
        List<ConsumerRecord<String, String>> written =
                all.stream().filter(r -> goodOffsets.contains(r.offset())).toList();
        assertThat(written).hasSize(goodOffsets.size());
        assertThat(lake.audit(written).problems()).isEmpty();
        assertThat(athena.count(lake.database(), lake.table())).isEqualTo(goodOffsets.size());
        assertThat(lake.rest().status(lake.sink()).isRunning(1)).isTrue();
    }

    @Test
    void partitionValuesHiveEscapesLandInFoldersOfTheirOwnAndReadBackRaw() {
        TickLake lake = TickLake.of(stack, "escaped-values");
        lake.create(1);
        // The value, and the folder Hive's escaping gives it.
        Map<String, String> folders = new LinkedHashMap<>();
        folders.put("A/B", "venue=A%2FB");
        folders.put("A_B", "venue=A_B");
        folders.put("A%2FB", "venue=A%252FB");
        folders.put("x=1:2", "venue=x%3D1%3A2");
        Map<Long, String> venueAt = new LinkedHashMap<>();
        try (RecordProducer producer = new RecordProducer(stack.broker().bootstrapServers(), ONE_MIB)) {
            long seq = 1;
            for (int round = 0; round < 2; round++) {
                for (String venue : folders.keySet()) {
                    Instant time = NOON.plusSeconds(seq);
                    venueAt.put(
                            producer.send(
                                    lake.topic(),
                                    "AAPL",
                                    time.toEpochMilli(),
                                    TradeEnvelope.of("AAPL", seq++, time)
                                            .venue(venue)
                                            .json()),
                            venue);
                }
            }
        }
        Map<String, String> sink = timeFromField(lake.sinkConfig(1));
        sink.put("partition.fields", "meta.venue");
        lake.rest().putConnector(lake.sink(), sink);

        List<ConsumerRecord<String, String>> all = lake.awaitAllCommitted(Duration.ofSeconds(90));

        assertThat(LakeAudit.of(
                                all,
                                new S3Lake(stack.s3().client(), lake.bucket()),
                                "topics/" + lake.table() + "/",
                                r -> LakeAudit.hourlyFolder(r) + "/" + folders.get(venueAt.get(r.offset())),
                                "symbol",
                                "seq")
                        .problems())
                .isEmpty();
        assertThat(athena.countBy(lake.database(), lake.table(), "venue"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("A/B", 2L, "A_B", 2L, "A%2FB", 2L, "x=1:2", 2L));
        lake.rest().deleteConnector(lake.sink());
    }

    @TestFactory
    Stream<DynamicTest> withoutToleranceTheTaskFailsNamingTheOffsetAndTheField() {
        return badKinds(100).stream()
                .map(kind -> DynamicTest.dynamicTest(kind.name(), () -> {
                    TickLake lake =
                            TickLake.of(stack, "fail-" + Math.abs(kind.name().hashCode()));
                    lake.create(1);
                    long badAt;
                    try (RecordProducer producer =
                            new RecordProducer(stack.broker().bootstrapServers(), ONE_MIB)) {
                        for (long seq = 1; seq <= 3; seq++) {
                            trade(producer, lake, seq, null);
                        }
                        badAt = producer.send(lake.topic(), "AAPL", NOON.toEpochMilli(), kind.value());
                    }
                    Map<String, String> sink = timeFromField(lake.sinkConfig(1));
                    sink.put("errors.tolerance", "none");
                    // Connect names the offset of a record its converter rejects only in the log, with the record
                    // itself.
                    sink.put("errors.log.enable", "true");
                    sink.put("errors.log.include.messages", "true");
                    lake.rest().putConnector(lake.sink(), sink);

                    ConnectorStatus status = lake.rest().awaitTaskFailure(lake.sink(), Duration.ofSeconds(90));

                    if (kind.stage().equals("TASK_PUT")) {
                        assertThat(status.failureTrace())
                                .contains(lake.topic() + "-0@" + badAt)
                                .contains(kind.named());
                    } else {
                        assertThat(status.failureTrace())
                                .contains("Tolerance exceeded")
                                .contains(kind.named());
                        assertThat(workerLog())
                                .contains("Executing stage '" + kind.stage() + "'")
                                .contains("topic='" + lake.topic() + "', partition=0, offset=" + badAt);
                    }
                    lake.rest().deleteConnector(lake.sink());
                }));
    }

    private static Map<String, String> tolerant(TickLake lake, String dlq) {
        Map<String, String> sink = timeFromField(lake.sinkConfig(1));
        sink.put("errors.tolerance", "all");
        sink.put("errors.deadletterqueue.topic.name", dlq);
        sink.put("errors.deadletterqueue.topic.replication.factor", "1");
        sink.put("errors.deadletterqueue.context.headers.enable", "true");
        sink.put("buffer.max.bytes", String.valueOf(ONE_MIB));
        sink.put("rotate.size.bytes", String.valueOf(ONE_MIB));
        sink.put("consumer.override.max.partition.fetch.bytes", String.valueOf(4 * ONE_MIB));
        return sink;
    }

    private static Map<String, String> timeFromField(Map<String, String> sink) {
        sink.put("partition.time.source", "field");
        sink.put("partition.time.field", "event_time");
        return sink;
    }

    /** A good trade, its record time its event time; returns its offset. */
    private static long trade(RecordProducer producer, TickLake lake, long seq, String note) {
        Instant time = NOON.plusSeconds(seq);
        TradeEnvelope trade = TradeEnvelope.of("AAPL", seq, time);
        if (note != null) {
            trade.note(note);
        }
        return producer.send(lake.topic(), "AAPL", time.toEpochMilli(), trade.json());
    }

    private static String workerLog() {
        try {
            return Files.readString(stack.connect().worker(0).logFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
