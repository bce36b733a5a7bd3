package io.stocklake.bench.compaction;

import io.stocklake.bench.Headline;
import io.stocklake.bench.freshness.FreshnessBenchmark;
import io.stocklake.bench.freshness.RealtimePipeline;
import io.stocklake.bench.freshness.RealtimePipeline.Outcome;
import io.stocklake.bench.freshness.RealtimePipeline.Window;
import io.stocklake.bench.workload.Buckets;
import io.stocklake.bench.workload.GlueClients;
import io.stocklake.stack.PipelineStack;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The open hour's freshness while compaction compacts it, beside the same pipeline without compaction: two pipelines
 * at once on the stack (see {@link RealtimePipeline}: realtime ticks, the shipped sink with Parquet and wall-clock
 * rotation), the compaction connector compacting one table's open hour again and again while ticks flow. A record
 * is queryable once an object holding it lies in its partition's current location (a compacted generation after
 * a swap, where the sink copies each file it completes).
 */
final class OpenHourFreshness {

    private static final String BUCKET = "bench-compaction-open";
    private static final String COMPACTION = "bench-compaction-open";

    /**
     * The pipelines' shape, and the compaction connector's {@code compaction.open.min.files} and
     * {@code compaction.interval.ms}.
     */
    record Settings(FreshnessBenchmark.Shape shape, int openMinFiles, long intervalMillis) {}

    /**
     * The shipped 10 s rotation at 1,000 ticks/s for 120 s; the open hour compacted once two of its landed files are
     * not folded yet (about every 20 s: a Kafka partition's newest file is known to have landed when the next one
     * uploads), passes every second.
     */
    static final Settings FULL = new Settings(new FreshnessBenchmark.Shape(1_000, 10_000, 120_000, 12_000), 2, 1_000);

    /** Seconds of work: 1 s rotation, a swap every two seconds or so. */
    static final Settings SMOKE = new Settings(new FreshnessBenchmark.Shape(200, 1_000, 6_000, 3_000), 2, 500);

    /** Both tables' figures over the same window. */
    record Result(Settings settings, Outcome compacted, Outcome reference) {}

    private OpenHourFreshness() {}

    static Result measure(PipelineStack stack, Settings settings) {
        FreshnessBenchmark.Shape shape = settings.shape();
        Map<String, String> sink = Map.of("rotate.schedule.interval.ms", Long.toString(shape.rotationMillis()));
        try (S3Client s3 = stack.s3().client();
                GlueClient glue = GlueClients.of(stack)) {
            RealtimePipeline compacted = RealtimePipeline.create(
                    stack, s3, glue, "bench-open-compacted", BUCKET, shape.ticksPerSecond(), sink);
            RealtimePipeline reference = RealtimePipeline.create(
                    stack, s3, glue, "bench-open-reference", BUCKET, shape.ticksPerSecond(), sink);
            // Before the table exists its passes find nothing to do; it compacts from the first files on.
            stack.connect()
                    .rest()
                    .putConnector(
                            COMPACTION,
                            CompactionConfig.of(
                                    stack,
                                    BUCKET,
                                    compacted.database(),
                                    compacted.table(),
                                    settings.intervalMillis(),
                                    settings.openMinFiles()));
            try {
                Window window = RealtimePipeline.run(
                        List.of(compacted, reference),
                        shape.warmupMillis(),
                        shape.measureMillis(),
                        shape.drainMillis());
                return new Result(settings, compacted.outcome(window), reference.outcome(window));
            } finally {
                stack.connect().rest().deleteConnector(COMPACTION);
                compacted.deleteTopic();
                reference.deleteTopic();
                Buckets.empty(s3, BUCKET);
            }
        }
    }

    /** The phase's part of the benchmark's section. */
    static String markdown(Result result) {
        Settings settings = result.settings();
        FreshnessBenchmark.Shape shape = settings.shape();
        StringBuilder md = new StringBuilder(String.format(
                Locale.ROOT,
                """

                ### The open hour's freshness while it is compacted

                Then two pipelines side by side, each the stock tick source on the realtime clock (`ticks.per.second=%,.0f`,
                `session.calendar=24x7`) into a topic of its own (1 partition) and the sink with the settings of
                `connect-configs/s3-glue-sink.json` (Parquet) except `rotate.schedule.interval.ms=%,d` and
                `kafka.metadata.columns=partition,offset` (each row names its record); one table is compacted by the
                compaction connector (`compaction.open.min.files=%d`, `compaction.interval.ms=%,d`,
                `compaction.closed.grace.ms=0`, other keys at their defaults, one task), so its open hour is compacted
                again and again while ticks flow; the other is not. A reader's view, every %d ms for each table on a
                thread of its own: Glue `GetPartitions` (each partition's current location: the sink's folder, or a
                compacted generation after a swap) and a listing of the table's objects; each object directly in a
                current location is read (Parquet: `kafka_partition`, `kafka_offset`, `event_time`). Per record
                (first time seen, by `kafka_partition` and `kafka_offset`): *queryable* = that look's time − its event
                time. Records of the first rotation interval + 5 s are left out, then %,d ms of records are measured.
                Swaps: changes of a partition's location the reader saw. Records first seen in a compacted generation:
                those the reader found first in an object of a generation (the sink's copy there, or a compacted
                file), not in the sink's own folder. Records not queryable: those the topic holds
                in the window (by their timestamps) that were not seen by the end. One measurement per command. Goal:
                the compacted table's p99 ≤ %,d ms (the rotation interval + 2 s), as without compaction.

                | event time to queryable, ms | compacted | not compacted |
                |---|---:|---:|
                """,
                shape.ticksPerSecond(),
                shape.rotationMillis(),
                settings.openMinFiles(),
                settings.intervalMillis(),
                RealtimePipeline.POLL_MILLIS,
                shape.measureMillis(),
                shape.goalMillis()));
        Outcome c = result.compacted();
        Outcome r = result.reference();
        row(md, "p50", c.queryable().p50(), r.queryable().p50());
        row(md, "p99", c.queryable().p99(), r.queryable().p99());
        row(md, "max", c.queryable().max(), r.queryable().max());
        row(md, "records measured", c.queryable().count(), r.queryable().count());
        row(md, "records first seen in a compacted generation", c.inCompactedGeneration(), r.inCompactedGeneration());
        row(md, "records not queryable by the end", c.missing(), r.missing());
        row(md, "swaps to a new compacted generation seen", c.locationChanges(), r.locationChanges());
        return md.toString();
    }

    private static void row(StringBuilder md, String measure, double compacted, double reference) {
        md.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f |%n", measure, compacted, reference));
    }

    /** The summary's row: the compacted table's p99 against the goal, the reference's beside it. */
    static Headline headline(Result result) {
        return new Headline(
                "compaction, open hour freshness",
                String.format(
                        Locale.ROOT,
                        "event time to queryable in the open hour while compaction compacts it, p99, %,.0f ticks/s,"
                                + " %,d ms rotation (not compacted beside it)",
                        result.settings().shape().ticksPerSecond(),
                        result.settings().shape().rotationMillis()),
                String.format(Locale.ROOT, "≤ %,d ms", result.settings().shape().goalMillis()),
                String.format(
                        Locale.ROOT,
                        "%,.0f ms (not compacted %,.0f ms; %d swaps, %d records not queryable)",
                        result.compacted().queryable().p99(),
                        result.reference().queryable().p99(),
                        result.compacted().locationChanges(),
                        result.compacted().missing()));
    }
}
