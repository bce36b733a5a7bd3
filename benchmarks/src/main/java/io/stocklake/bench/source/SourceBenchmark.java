package io.stocklake.bench.source;

import io.stocklake.bench.BenchOptions;
import io.stocklake.bench.Benchmark;
import io.stocklake.bench.Headline;
import io.stocklake.bench.MachineDescription;
import io.stocklake.bench.Progress;
import io.stocklake.bench.Report;
import io.stocklake.bench.ReportHeader;
import io.stocklake.bench.Spread;
import io.stocklake.bench.Throughput;
import io.stocklake.bench.stack.BenchStack;
import io.stocklake.bench.workload.ProcessCpu;
import io.stocklake.stack.PipelineStack;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * Ticks per second of one source task through a real Connect worker, beside a plain KafkaProducer writing
 * records of the same size to the same broker: their ratio is what Connect and the connector cost. A replay
 * source, handing Connect the connector's own records again, splits that cost: what Connect alone allows, and
 * what the connector takes of it. All three run one after the other in each round, on one broker and one
 * worker, so that they see the same machine load.
 */
public final class SourceBenchmark implements Benchmark {

    private static final int DEFAULT_RUNS = 5;
    // At 400,000 records/s the producer needs 2 s for this; a fifth as many would leave it under half a second.
    private static final long TICKS = 1_000_000;
    // Enough that the 10-90% window spans several 20 ms samples for every writer: with a quarter of it the plain
    // producer sends the external-schema shape's records within one sample.
    private static final long SMOKE_TICKS = 200_000;
    private static final int SAMPLE = 10_000;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    @Override
    public String name() {
        return "source";
    }

    @Override
    public String summary() {
        return "ticks/s and worker CPU per million of a source task vs. a replay source and a plain producer";
    }

    @Override
    public boolean takesRecordShape() {
        return true;
    }

    @Override
    public Report run(BenchOptions options, BenchStack benchStack, Progress progress) throws Exception {
        progress.phase("starting the stack");
        return report(options, measure(options, benchStack.get(), progress));
    }

    /** Runs the rounds on the stack. */
    public Results measure(BenchOptions options, PipelineStack stack, Progress progress) throws Exception {
        long ticks = options.smoke() ? SMOKE_TICKS : TICKS;
        int runs = options.runsOr(options.smoke() ? 1 : DEFAULT_RUNS);
        MachineDescription machine = MachineDescription.current();
        Instant started = Instant.now();
        List<Round> rounds = new ArrayList<>();
        Map<String, String> overrides = ShippedSourceConfig.producerOverrides();
        try (Admin admin = stack.broker().admin()) {
            Topics topics = new Topics(admin);
            ConnectorRun connector = new ConnectorRun(
                    stack.connect().rest(),
                    overrides,
                    topics,
                    options.shape(),
                    ProcessCpu.of(stack.connect().worker(0).pid()));
            ProducerRun producer = new ProducerRun(stack.broker().bootstrapServers(), overrides, topics);
            // A warm-up round first, not counted: the worker's JIT otherwise makes the first rounds the slowest.
            // Smoke: no warm-up, one round is all it needs.
            for (int i = options.smoke() ? 1 : 0; i <= runs; i++) {
                progress.run(i, runs);
                String connectorTopic = "bench-source-" + i;
                String replayTopic = "bench-replay-" + i;
                String producerTopic = "bench-producer-" + i;
                progress.phase("stock tick source");
                Throughput viaConnect = connector.ticks(connectorTopic, ticks, RUN_TIMEOUT);
                RecordSample sample = RecordSample.ofTopic(stack.broker().bootstrapServers(), connectorTopic, SAMPLE);
                RecordSize size = sample.size();
                progress.phase("replay source");
                Throughput replayed = connector.replay(replayTopic, ticks, sample, RUN_TIMEOUT);
                progress.phase("plain producer");
                Throughput plain = producer.run(producerTopic, ticks, sample, RUN_TIMEOUT);
                topics.delete(connectorTopic);
                topics.delete(replayTopic);
                topics.delete(producerTopic);
                Round round = new Round(viaConnect, replayed, plain, size);
                if (i > 0) {
                    rounds.add(round);
                }
                progress.result(String.format(
                        Locale.ROOT,
                        "connector %,.0f ticks/s, replay %,.0f, producer %,.0f"
                                + " records/s, ratio %.2f (ceiling %.2f), %.0f bytes/record;"
                                + " worker CPU s per million: connector %.2f, replay %.2f",
                        round.connector().perSecond(),
                        round.replay().perSecond(),
                        round.producer().perSecond(),
                        round.ratio(),
                        round.ceiling(),
                        size.totalBytes(),
                        round.connector().cpuSecondsPerMillion(),
                        round.replay().cpuSecondsPerMillion()));
            }
        }
        return new Results(machine, started, ticks, overrides, List.copyOf(rounds));
    }

    private static Report report(BenchOptions options, Results results) {
        List<Round> rounds = results.rounds();
        MachineDescription machine = results.machine();
        Instant started = results.started();
        long ticks = results.ticks();
        Spread connector =
                Spread.of(rounds.stream().map(r -> r.connector().perSecond()).toList());
        Spread replay =
                Spread.of(rounds.stream().map(r -> r.replay().perSecond()).toList());
        Spread producer =
                Spread.of(rounds.stream().map(r -> r.producer().perSecond()).toList());
        Spread ratio = Spread.of(rounds.stream().map(Round::ratio).toList());
        Spread ceiling = Spread.of(rounds.stream().map(Round::ceiling).toList());
        Spread share = Spread.of(rounds.stream().map(Round::shareOfCeiling).toList());
        Spread connectorCpu = Spread.of(
                rounds.stream().map(r -> r.connector().cpuSecondsPerMillion()).toList());
        Spread replayCpu = Spread.of(
                rounds.stream().map(r -> r.replay().cpuSecondsPerMillion()).toList());
        Spread extraCpu = Spread.of(rounds.stream().map(Round::cpuAboveReplay).toList());
        Spread keyBytes =
                Spread.of(rounds.stream().map(r -> r.size().keyBytes()).toList());
        Spread valueBytes =
                Spread.of(rounds.stream().map(r -> r.size().valueBytes()).toList());
        StringBuilder md = new StringBuilder();
        md.append("## Source connector throughput")
                .append(options.shape().titleSuffix())
                .append("\n\n");
        md.append("Command: `")
                .append(options.command())
                .append("`, ")
                .append(started.truncatedTo(ChronoUnit.SECONDS))
                .append(" (")
                .append(rounds.size())
                .append(rounds.size() == 1 ? " run" : " runs")
                .append(").\n\n");
        md.append("Machine: ").append(machine.markdown()).append(".\n\n");
        md.append(String.format(
                Locale.ROOT,
                """
                Stack: one KRaft broker and one Connect worker (child JVMs from the stock Kafka jars, worker heap 1 GiB) on
                127.0.0.1; every run writes to a new topic with one partition. Each run measures, one after the other:
                (1) the source connector through the worker: 1 task, simulated clock as fast as possible
                (`simulated.acceleration=0`), `max.ticks=%,d`, string keys, %s (the converters of
                `connect-configs/%s`) and the `producer.override.*` settings as shipped (%s);
                (2) a replay source through the same worker, with the same converters and overrides, handing Connect
                (1)'s own records again (the first %,d, read back into Connect data once, at task start, then cycled),
                1,000 a poll: Connect's own work per record, no connector's, so the most any source can reach here;
                (3) a plain `KafkaProducer` in the benchmark's JVM sending the same records' bytes, with the producer
                settings Connect gives source tasks (`acks=all`, `max.in.flight.requests.per.connection=1`, no
                idempotence) and the same overrides, read from the same file. All rates come from the topic's end
                offset sampled every 20 ms, between 10%% and 90%% of the records. Cost: the worker process's CPU time
                (user and system, all its threads, as the OS counts it) over the same window, per million records;
                only the worker's (not the broker's or the benchmark's), and steadier than the rates on a shared
                machine. A warm-up round first (not counted).

                """,
                ticks,
                options.shape().description(),
                options.shape().sourceFile(),
                overridesText(results.producerOverrides()),
                SAMPLE));
        md.append("| measure | median | min – max |\n|---|---:|---:|\n");
        md.append("| (1) source connector, ticks/s (1 task) ")
                .append(connector.cells("%,.0f"))
                .append('\n');
        md.append("| (2) replay source, records/s (1 task) ")
                .append(replay.cells("%,.0f"))
                .append('\n');
        md.append("| (3) plain KafkaProducer, records/s ")
                .append(producer.cells("%,.0f"))
                .append('\n');
        md.append("| ratio (1)/(3), per run: of the physical reference ")
                .append(ratio.cells("%.2f"))
                .append('\n');
        md.append("| ratio (2)/(3), per run: Connect's ceiling ")
                .append(ceiling.cells("%.2f"))
                .append('\n');
        md.append("| ratio (1)/(2), per run: the connector's share of Connect's ceiling, the goal's figure ")
                .append(share.cells("%.2f"))
                .append('\n');
        md.append("| (1) source connector, worker CPU s per million ticks ")
                .append(connectorCpu.cells("%.2f"))
                .append('\n');
        md.append("| (2) replay source, worker CPU s per million records ")
                .append(replayCpu.cells("%.2f"))
                .append('\n');
        md.append("| (1) − (2), per run: the connector's own CPU s per million ticks ")
                .append(extraCpu.cells("%.2f"))
                .append('\n');
        md.append("| record key, bytes ").append(keyBytes.cells("%.1f")).append('\n');
        md.append("| record value, bytes ").append(valueBytes.cells("%.1f")).append('\n');
        String suffix = options.shape().titleSuffix();
        ReportHeader header =
                new ReportHeader("Source connector throughput" + suffix, options.command(), started, machine);
        return new Report(
                header,
                md.toString(),
                List.of(
                        new Headline(
                                "source" + suffix,
                                "stock tick source ÷ replay source (Connect's ceiling), per task",
                                "≥ 0.90",
                                Headline.median(share, "%.2f")
                                        + String.format(
                                                Locale.ROOT,
                                                ": %,.0f ticks/s against %,.0f",
                                                connector.median(),
                                                replay.median())),
                        new Headline(
                                "source cost" + suffix,
                                "worker CPU s per million ticks, stock tick source (the replay source's; ours above it)",
                                "–",
                                Headline.median(connectorCpu, "%.2f")
                                        + String.format(
                                                Locale.ROOT,
                                                " (replay source %.2f; above it %.2f)",
                                                replayCpu.median(),
                                                extraCpu.median())),
                        new Headline(
                                "Connect's ceiling for a source" + suffix,
                                "replay source ÷ plain KafkaProducer (the reference, not a goal)",
                                "–",
                                Headline.median(ceiling, "%.2f"))));
    }

    private static String overridesText(Map<String, String> overrides) {
        if (overrides.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        overrides.forEach((key, value) -> text.append(text.isEmpty() ? "" : ", ")
                .append('`')
                .append(key)
                .append('=')
                .append(value)
                .append('`'));
        return text.toString();
    }

    /** What one invocation measured. */
    public record Results(
            MachineDescription machine,
            Instant started,
            long ticks,
            Map<String, String> producerOverrides,
            List<Round> rounds) {}

    /** One connector run and the replay and producer runs that match it. */
    public record Round(Throughput connector, Throughput replay, Throughput producer, RecordSize size) {
        public double ratio() {
            return connector.perSecond() / producer.perSecond();
        }

        public double ceiling() {
            return replay.perSecond() / producer.perSecond();
        }

        public double shareOfCeiling() {
            return connector.perSecond() / replay.perSecond();
        }

        /** The worker's CPU s per million records that the tick source costs beyond the replay source's. */
        public double cpuAboveReplay() {
            return connector.cpuSecondsPerMillion() - replay.cpuSecondsPerMillion();
        }
    }
}
