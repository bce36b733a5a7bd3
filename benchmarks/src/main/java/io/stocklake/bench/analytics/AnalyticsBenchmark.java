package io.stocklake.bench.analytics;

import io.stocklake.bench.BenchOptions;
import io.stocklake.bench.Benchmark;
import io.stocklake.bench.Headline;
import io.stocklake.bench.Progress;
import io.stocklake.bench.Report;
import io.stocklake.bench.ReportHeader;
import io.stocklake.bench.Spread;
import io.stocklake.bench.Throughput;
import io.stocklake.bench.stack.BenchStack;
import io.stocklake.bench.workload.CommitRate;
import io.stocklake.bench.workload.PrefilledTopic;
import io.stocklake.bench.workload.UniqueNames;
import io.stocklake.stack.PipelineStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Ticks/s of one analytics instance (one stream thread, exactly_once_v2) beside a plain consumer reading the same
 * pre-filled topic in the same JVM (the most a consumer reaches on this stack). Each run starts both afresh, from
 * the topic's start, in an order that alternates from run to run; the ratio is taken per run. A first pass warms
 * the JIT and is not counted.
 */
public final class AnalyticsBenchmark implements Benchmark {

    static final String TOPIC = "bench-analytics-ticks";
    private static final String PREFIX = "bench-analytics";
    private static final int DEFAULT_RUNS = 5;
    // The analytics' measured window (first to 90% of committed ticks) spans many 100 ms transactions; the plain
    // consumer, ten times as fast or more, still reads for a second or more.
    private static final long TICKS = 1_000_000;
    private static final long SMOKE_TICKS = 10_000;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

    @Override
    public String name() {
        return "analytics";
    }

    @Override
    public String summary() {
        return "ticks/s of one analytics instance (exactly once) vs. a plain consumer on the same topic";
    }

    @Override
    public Report run(BenchOptions options, BenchStack benchStack, Progress progress) throws Exception {
        long ticks = options.smoke() ? SMOKE_TICKS : TICKS;
        int runs = options.runsOr(options.smoke() ? 1 : DEFAULT_RUNS);
        ReportHeader header = ReportHeader.start("Analytics throughput, against a plain consumer", options);
        progress.phase("starting the stack");
        PipelineStack stack = benchStack.get();
        String bootstrap = stack.broker().bootstrapServers();
        ResultTopics results = ResultTopics.named(UniqueNames.of(PREFIX));
        List<Double> analytics = new ArrayList<>();
        List<Double> consumer = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<String> applications = new ArrayList<>();
        try (Admin admin = stack.broker().admin()) {
            progress.phase("filling the topic");
            PrefilledTopic.fill(stack, TOPIC, ticks);
            // As the README asks of simulated event times in the past: results kept, whatever their timestamps.
            admin.createTopics(results.all().stream()
                            .map(t -> new NewTopic(t, 1, (short) 1).configs(Map.of("retention.ms", "-1")))
                            .toList())
                    .all()
                    .get();
            AnalyticsRun analyticsRun = new AnalyticsRun(bootstrap, results);
            PlainConsumerRun consumerRun = new PlainConsumerRun(bootstrap);
            CommitRate rate = new CommitRate(options.smoke());
            // Smoke: no warm-up pass, a figure from one pass is all it needs.
            for (int run = options.smoke() ? 1 : 0; run <= runs; run++) {
                progress.run(run, runs);
                String application = UniqueNames.of(PREFIX + "-app-" + run);
                applications.add(application);
                Throughput app;
                Throughput plain;
                if (run % 2 == 0) {
                    app = analyticsRun.run(application, TOPIC, ticks, rate, RUN_TIMEOUT);
                    plain = consumerRun.run(UniqueNames.of(PREFIX + "-consumer-" + run), TOPIC, ticks, RUN_TIMEOUT);
                } else {
                    plain = consumerRun.run(UniqueNames.of(PREFIX + "-consumer-" + run), TOPIC, ticks, RUN_TIMEOUT);
                    app = analyticsRun.run(application, TOPIC, ticks, rate, RUN_TIMEOUT);
                }
                progress.result(String.format(
                        Locale.ROOT,
                        "analytics %,.0f ticks/s, plain consumer %,.0f records/s",
                        app.perSecond(),
                        plain.perSecond()));
                if (run > 0) {
                    analytics.add(app.perSecond());
                    consumer.add(plain.perSecond());
                    ratios.add(app.perSecond() / plain.perSecond());
                }
            }
            List<String> leftovers = new ArrayList<>(results.all());
            leftovers.add(TOPIC);
            // The applications' changelog and repartition topics.
            admin.listTopics().names().get().stream()
                    .filter(t -> applications.stream().anyMatch(t::startsWith))
                    .forEach(leftovers::add);
            admin.deleteTopics(leftovers);
        }
        return report(header, runs, ticks, analytics, consumer, ratios);
    }

    private static Report report(
            ReportHeader header,
            int runs,
            long ticks,
            List<Double> analytics,
            List<Double> consumer,
            List<Double> ratios) {
        String markdown = header.markdown(runs)
                + String.format(
                        Locale.ROOT,
                        """
                Stack: one KRaft broker (child JVM from the stock Kafka jars) on 127.0.0.1; the analytics and the plain
                consumer run in the benchmark's JVM (heap 1 GiB). The topic (1 partition) is filled once by the stock tick
                source (simulated clock, `max.ticks=%,d`; string keys, JSON values with the schema embedded in each, as
                `connect-configs/stock-ticks-source.json` writes them). Each run, one after the other, in an order that
                alternates: (1) the analytics application (`stock-analytics`: bars, alerts, dead letters) as one instance
                with one stream thread, a new `application.id`, every setting at its shipped default
                (`processing.guarantee=exactly_once_v2`, commits every 100 ms); its rate is the ticks committed from its
                first transaction to its first at or past 90%% of the topic, over that time (an offset is committed with
                the bars, alerts and state changes of the ticks before it); (2) a plain `KafkaConsumer` in a new group,
                string keys and value bytes, `read_committed`, doing nothing with them: the records its polls return from
                the first that returns some to the first at or past 90%% of the topic, over that time. A warm-up pass
                first (not counted). Ratio: (1) over (2) in the same run.

                | measure | median | min – max |
                |---|---:|---:|
                | (1) analytics, ticks/s (1 instance, 1 thread) %s
                | (2) plain KafkaConsumer, records/s %s
                | ratio (1)/(2), per run %s
                """,
                        ticks,
                        Spread.of(analytics).cells("%,.0f"),
                        Spread.of(consumer).cells("%,.0f"),
                        Spread.of(ratios).cells("%.3f"));
        return new Report(
                header,
                markdown,
                List.of(Headline.of(
                        "analytics",
                        "analytics application ÷ plain consumer on the same topic, per instance",
                        "–",
                        Spread.of(ratios),
                        "%.3f")));
    }
}
