package io.stocklake.bench.gluecalls;

import io.stocklake.bench.BenchOptions;
import io.stocklake.bench.Benchmark;
import io.stocklake.bench.Headline;
import io.stocklake.bench.Progress;
import io.stocklake.bench.Report;
import io.stocklake.bench.ReportHeader;
import io.stocklake.bench.Spread;
import io.stocklake.bench.stack.BenchStack;
import io.stocklake.bench.workload.Buckets;
import io.stocklake.bench.workload.CommittedAll;
import io.stocklake.bench.workload.PrefilledTopic;
import io.stocklake.bench.workload.ShippedSinkConfig;
import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.S3Lake;
import io.stocklake.stack.SinkGroupOffsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Glue requests the sink makes per million records, counted by the Glue endpoint per operation, while one task
 * writes a pre-filled topic whose simulated ticks span many hours (so many new dt/hour partitions) into a new
 * table. The goal is that only new partitions cost calls: the table is checked once, and records landing in
 * partitions the task already registered cost none.
 */
public final class GlueCallsBenchmark implements Benchmark {

    static final String TOPIC = "bench-glue-ticks";
    static final String BUCKET = "bench-glue";
    private static final int DEFAULT_RUNS = 3;
    private static final long RECORDS = 1_000_000;
    private static final long SMOKE_RECORDS = 20_000;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

    @Override
    public String name() {
        return "glue-calls";
    }

    @Override
    public String summary() {
        return "Glue requests per million records, by operation, against new partitions";
    }

    @Override
    public Report run(BenchOptions options, BenchStack benchStack, Progress progress) {
        long records = options.smoke() ? SMOKE_RECORDS : RECORDS;
        int runs = options.runsOr(options.smoke() ? 1 : DEFAULT_RUNS);
        ReportHeader header = ReportHeader.start("Glue calls per million records", options);
        progress.phase("starting the stack");
        PipelineStack stack = benchStack.get();
        List<Run> results = new ArrayList<>();
        try (Admin admin = stack.broker().admin();
                S3Client s3 = stack.s3().client()) {
            progress.phase("filling the topic");
            PrefilledTopic.fill(stack, TOPIC, records);
            SinkGroupOffsets offsets = new SinkGroupOffsets(admin);
            for (int run = 1; run <= runs; run++) {
                progress.run(run, runs);
                String connector = "bench-glue-" + run;
                String table = "bench_glue_" + run;
                Map<String, String> config = ShippedSinkConfig.forTopic(stack, TOPIC, BUCKET);
                config.put("table.name", table);
                config.put("glue.table", table);
                // The open tail closes within seconds, so the run ends when every record is committed.
                config.put("rotate.schedule.interval.ms", "5000");
                stack.glue().resetRequestCounts();
                stack.connect().rest().putConnector(connector, config);
                try {
                    CommittedAll.await(offsets, stack.connect().rest(), connector, TOPIC, records, RUN_TIMEOUT);
                } finally {
                    stack.connect().rest().deleteConnector(connector);
                }
                Map<String, Long> calls = new TreeMap<>(stack.glue().requestCounts());
                S3Lake lake = new S3Lake(s3, BUCKET);
                List<S3Lake.LakeObject> files = lake.objects("topics/" + table + "/");
                TreeSet<String> partitions = new TreeSet<>();
                files.forEach(f -> partitions.add(f.partitionValues().toString()));
                Buckets.empty(s3, BUCKET);
                Run result = new Run(records, calls, partitions.size(), files.size());
                results.add(result);
                progress.result(String.format(
                        Locale.ROOT,
                        "%d Glue calls %s, %d partitions, %d files",
                        result.total(),
                        calls,
                        partitions.size(),
                        files.size()));
            }
            admin.deleteTopics(List.of(TOPIC));
        }
        return report(header, records, results);
    }

    private static Report report(ReportHeader header, long records, List<Run> runs) {
        StringBuilder md = new StringBuilder(header.markdown(runs.size()));
        md.append(String.format(Locale.ROOT, """
                Stack: as for the sink benchmark, with the Glue endpoint counting every request it receives per
                operation (SDK retries included). The topic (1 partition) holds %,d ticks of the stock tick source's
                simulated clock (default universe and rate), which span many trading hours and so many `dt`/`hour`
                partitions. Each run writes the whole topic with one task, the settings of
                `connect-configs/s3-glue-sink.json` (Parquet, `flush.size=100000`, Glue registration on) into a new table
                (`rotate.schedule.interval.ms=5000`, so the last file closes soon), and counts the requests from the
                connector's creation until every record is committed.

                | measure | median | min – max |
                |---|---:|---:|
                """, records));
        TreeSet<String> operations = new TreeSet<>();
        runs.forEach(r -> operations.addAll(r.calls().keySet()));
        for (String operation : operations) {
            md.append("| ")
                    .append(operation)
                    .append(", calls per million records ")
                    .append(Spread.of(runs.stream()
                                    .map(r -> r.perMillion(r.calls().getOrDefault(operation, 0L)))
                                    .toList())
                            .cells("%,.1f"))
                    .append('\n');
        }
        md.append("| all operations, calls per million records ")
                .append(Spread.of(
                                runs.stream().map(r -> r.perMillion(r.total())).toList())
                        .cells("%,.1f"))
                .append('\n');
        md.append("| new partitions registered ")
                .append(Spread.of(
                                runs.stream().map(r -> (double) r.partitions()).toList())
                        .cells("%,.0f"))
                .append('\n');
        md.append("| files written ")
                .append(Spread.of(runs.stream().map(r -> (double) r.files()).toList())
                        .cells("%,.0f"))
                .append('\n');
        md.append("| partition calls (BatchGetPartition + BatchCreatePartition) per new partition ")
                .append(Spread.of(runs.stream()
                                .map(Run::partitionCallsPerPartition)
                                .toList())
                        .cells("%.2f"))
                .append('\n');
        md.append("""

                Goal: only new partitions cost calls. Table calls happen once per task start; partition calls at most
                two per rotation that brings new partitions (one lookup, one batch create), none for files into
                partitions the task registered before.
                """);
        return new Report(
                header,
                md.toString(),
                List.of(new Headline(
                        "Glue calls",
                        "Glue requests per million records, all operations",
                        "only new partitions cost calls",
                        Headline.median(
                                        Spread.of(runs.stream()
                                                .map(r -> r.perMillion(r.total()))
                                                .toList()),
                                        "%,.1f")
                                + " for "
                                + Headline.median(
                                        Spread.of(runs.stream()
                                                .map(r -> (double) r.partitions())
                                                .toList()),
                                        "%,.0f")
                                + " new partitions; partition calls per new partition "
                                + Headline.median(
                                        Spread.of(runs.stream()
                                                .map(Run::partitionCallsPerPartition)
                                                .toList()),
                                        "%.2f"))));
    }

    /** What one run counted. */
    record Run(long records, Map<String, Long> calls, int partitions, int files) {

        long total() {
            return calls.values().stream().mapToLong(Long::longValue).sum();
        }

        double perMillion(long count) {
            return count * 1_000_000.0 / records;
        }

        double partitionCallsPerPartition() {
            long partitionCalls =
                    calls.getOrDefault("BatchGetPartition", 0L) + calls.getOrDefault("BatchCreatePartition", 0L);
            return partitions == 0 ? 0 : (double) partitionCalls / partitions;
        }
    }
}
