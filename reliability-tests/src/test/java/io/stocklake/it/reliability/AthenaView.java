package io.stocklake.it.reliability;

import io.stocklake.stack.PipelineStack;
import io.stocklake.trino.AccessKeys;
import io.stocklake.trino.TrinoEngine;
import io.stocklake.trino.TrinoEngineConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The lake as Athena sees it: Trino (Athena's engine) reading the stack's Glue endpoint and S3 server, started in
 * the background once the stack is up. Register it after the {@link PipelineStack} (with {@code @Order}).
 */
final class AthenaView implements BeforeAllCallback, AfterAllCallback {

    private final PipelineStack stack;
    private CompletableFuture<TrinoEngine> trino;

    AthenaView(PipelineStack stack) {
        this.stack = stack;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        AccessKeys keys = new AccessKeys(stack.s3().accessKey(), stack.s3().secretKey());
        TrinoEngineConfig config =
                TrinoEngineConfig.of(stack.s3().endpoint(), keys, stack.glue().uri(), keys);
        trino = CompletableFuture.supplyAsync(() -> TrinoEngine.start(config));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TrinoEngine started =
                trino == null ? null : trino.exceptionally(failure -> null).join();
        if (started != null) {
            started.close();
        }
    }

    /** {@code SELECT count(*)} of a table, through Glue: rows in registered partitions only. */
    long count(String database, String table) {
        return (Long) trino.join()
                .query("SELECT count(*) FROM " + database + "." + table)
                .rows()
                .get(0)
                .get(0);
    }

    /** {@code SELECT column, count(*) ... GROUP BY column}: rows per value, as the query engine reads the values. */
    Map<String, Long> countBy(String database, String table, String column) {
        Map<String, Long> counts = new HashMap<>();
        for (List<Object> row : trino.join()
                .query("SELECT " + column + ", count(*) FROM " + database + "." + table + " GROUP BY " + column)
                .rows()) {
            counts.put(String.valueOf(row.get(0)), (Long) row.get(1));
        }
        return counts;
    }

    /** The registered partitions of a table, as folders: {@code dt=2025-06-02/hour=03}. */
    Set<String> partitionFolders(String database, String table) {
        List<List<Object>> rows = trino.join()
                .query("SELECT dt, hour FROM " + database + ".\"" + table + "$partitions\"")
                .rows();
        return rows.stream().map(r -> "dt=" + r.get(0) + "/hour=" + r.get(1)).collect(Collectors.toSet());
    }
}
