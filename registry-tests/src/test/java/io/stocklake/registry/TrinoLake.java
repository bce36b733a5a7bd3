package io.stocklake.registry;

import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.S3Server;
import io.stocklake.trino.AccessKeys;
import io.stocklake.trino.QueryResult;
import io.stocklake.trino.TrinoEngine;
import io.stocklake.trino.TrinoEngineConfig;
import io.stocklake.trino.TrinoQueryException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Trino (the Athena stand-in) reading the stack's lake through its Glue endpoint, started in the background after
 * the stack; register it after the stack's lifecycle.
 */
final class TrinoLake implements BeforeAllCallback, AfterAllCallback {

    private static final AccessKeys KEYS = new AccessKeys(S3Server.ACCESS_KEY, S3Server.SECRET_KEY);

    private final PipelineStack stack;
    private CompletableFuture<TrinoEngine> trino;

    TrinoLake(PipelineStack stack) {
        this.stack = stack;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        TrinoEngineConfig config =
                TrinoEngineConfig.of(stack.s3().endpoint(), KEYS, stack.glue().uri(), KEYS);
        trino = CompletableFuture.supplyAsync(() -> TrinoEngine.start(config));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (trino != null) {
            TrinoEngine engine = trino.exceptionally(failure -> null).join();
            if (engine != null) {
                engine.close();
            }
        }
    }

    QueryResult query(String sql) {
        return trino.join().query(sql);
    }

    /** The rows of {@code sql} once the table holds {@code count} rows (the table may not exist yet). */
    List<List<Object>> awaitRows(String database, String table, long count, String sql) {
        String countSql = "SELECT count(*) FROM " + database + "." + table;
        AtomicReference<Object> seen = new AtomicReference<>();
        Awaitility.await("rows in " + table)
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreException(TrinoQueryException.class)
                .until(() -> {
                    seen.set(query(countSql).onlyValue());
                    return ((Number) seen.get()).longValue() == count;
                });
        return query(sql).rows();
    }
}
