package io.stocklake.sink.simulation;

import io.stocklake.sink.catalog.PartitionCatalog;
import io.stocklake.sink.commit.RotationPolicy;
import io.stocklake.sink.commit.WriterDependencies;
import io.stocklake.sink.config.Compression;
import io.stocklake.sink.config.DataFormat;
import io.stocklake.sink.config.NullValueBehavior;
import io.stocklake.sink.config.PathTemplate;
import io.stocklake.sink.config.TableNaming;
import io.stocklake.sink.config.TimeSource;
import io.stocklake.sink.format.FileFormats;
import io.stocklake.sink.route.ObjectLayout;
import io.stocklake.sink.route.PartitionTime;
import io.stocklake.sink.route.RecordRouter;
import io.stocklake.sink.storage.ObjectStore;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;

/**
 * One seed's world: the sink's settings (every rotation trigger, sometimes a tiny memory bound) and how hostile
 * the run is. The schedule is always on, so the final drain can close the last files.
 */
record SimulationSetup(
        int partitions,
        int recordsPerPartition,
        double badRate,
        int flushSize,
        long rotateSizeBytes,
        long spanMs,
        long scheduleMs,
        long bufferMaxBytes,
        double failRate,
        double stallRate,
        int maxPollRecords,
        int steps,
        java.util.Set<Hazard> hazards) {

    static final String BUCKET = "lake";

    static SimulationSetup from(Random random, java.util.Set<Hazard> hazards) {
        return new SimulationSetup(
                1 + random.nextInt(3),
                20 + random.nextInt(120),
                random.nextInt(3) == 0 ? 0.0 : 0.03,
                2 + random.nextInt(random.nextBoolean() ? 8 : 60),
                random.nextBoolean() ? Long.MAX_VALUE : 200 + random.nextInt(2_000),
                random.nextBoolean() ? -1 : 60_000L * (1 + random.nextInt(90)),
                1_000L * (5 + random.nextInt(120)),
                random.nextBoolean() || !hazards.contains(Hazard.EARLY_CUTS)
                        ? Long.MAX_VALUE
                        : 300 + random.nextInt(3_000),
                hazards.contains(Hazard.FAILURES) ? new double[] {0.0, 0.01, 0.05, 0.15}[random.nextInt(4)] : 0.0,
                hazards.contains(Hazard.STALLS) ? new double[] {0.0, 0.01, 0.05}[random.nextInt(3)] : 0.0,
                1 + random.nextInt(25),
                100 + random.nextInt(300),
                hazards);
    }

    boolean has(Hazard hazard) {
        return hazards.contains(hazard);
    }

    WriterDependencies dependencies(ObjectStore store, PartitionCatalog catalog, Clock clock, Executor uploads) {
        RecordRouter router = new RecordRouter(
                new TableNaming(""),
                PathTemplate.parse("'dt'=yyyy-MM-dd/'hour'=HH"),
                List.of("symbol"),
                PartitionTime.from(TimeSource.FIELD, "ts", clock),
                ZoneOffset.UTC);
        return new WriterDependencies(
                store,
                FileFormats.create("json", "none"),
                DataFormat.JSON,
                Compression.NONE,
                router,
                new ObjectLayout(BUCKET, "topics"),
                catalog,
                new RotationPolicy(flushSize, rotateSizeBytes, spanMs, scheduleMs, ZoneOffset.UTC),
                NullValueBehavior.FAIL,
                clock,
                uploads,
                List.of());
    }
}
