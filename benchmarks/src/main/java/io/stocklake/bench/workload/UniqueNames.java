package io.stocklake.bench.workload;

import java.util.UUID;

/**
 * Connector and topic names for one run. A stack can run a benchmark twice (BenchSmokeIT does), and a connector
 * of a name used before resumes from that name's stored offsets: a tick source then finds max.ticks reached and
 * writes nothing.
 */
public final class UniqueNames {

    private UniqueNames() {}

    /** {@code base} and a short random suffix. */
    public static String of(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
