package io.stocklake.bench.compaction;

import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.S3Server;
import java.util.LinkedHashMap;
import java.util.Map;

/** The compaction connector's configuration for tables the sink writes on the stack, with the benchmarks' timings. */
final class CompactionConfig {

    private CompactionConfig() {}

    /**
     * One task compacting {@code table} of {@code database} in {@code bucket}: a pass every {@code intervalMillis},
     * hours closed at once after their end ({@code compaction.closed.grace.ms=0}), the open one compacted once
     * {@code openMinFiles} of its landed files are not folded yet; other keys at their defaults.
     */
    static Map<String, String> of(
            PipelineStack stack, String bucket, String database, String table, long intervalMillis, int openMinFiles) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "io.stocklake.compaction.CompactionSourceConnector");
        config.put("tasks.max", "1");
        config.put("s3.bucket.name", bucket);
        config.put("s3.endpoint.url", stack.s3().endpoint().toString());
        config.put("s3.path.style.access", "true");
        config.put("s3.region", S3Server.REGION);
        config.put("aws.access.key.id", S3Server.ACCESS_KEY);
        config.put("aws.secret.access.key", S3Server.SECRET_KEY);
        config.put("glue.endpoint.url", stack.glue().uri().toString());
        config.put("glue.database", database);
        config.put("compaction.tables", table);
        config.put("compaction.interval.ms", Long.toString(intervalMillis));
        config.put("compaction.closed.grace.ms", "0");
        config.put("compaction.open.min.files", Integer.toString(openMinFiles));
        return config;
    }
}
