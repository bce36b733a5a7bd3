package io.stocklake.trino;

import io.trino.Session;
import io.trino.execution.QueryInfo;
import io.trino.execution.QueryStats;
import io.trino.plugin.hive.HivePlugin;
import io.trino.spi.QueryId;
import io.trino.spi.type.TimeZoneKey;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner.MaterializedResultWithPlan;
import io.trino.testing.StandaloneQueryRunner;
import io.trino.testing.TestingSession;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Trino in this JVM, one node that is both coordinator and worker, with one Hive catalog reading Glue tables from
 * S3 as Athena does. Queries run through {@link #query(String)}, or over HTTP at {@link #uri()} (Trino CLI, JDBC).
 * Reads only: the catalog is meant to check what others wrote.
 */
public final class TrinoEngine implements AutoCloseable {
    private static final System.Logger log = System.getLogger(TrinoEngine.class.getName());
    private static final Duration FINAL_STATS_TIMEOUT = Duration.ofSeconds(30);

    private final StandaloneQueryRunner runner;
    private final Session session;
    private final String catalogName;

    private TrinoEngine(StandaloneQueryRunner runner, Session session, String catalogName) {
        this.runner = runner;
        this.session = session;
        this.catalogName = catalogName;
    }

    /** Starts the server, installs the Hive plugin and creates the catalog; returns once queries can run. */
    public static TrinoEngine start(TrinoEngineConfig config) {
        long started = System.nanoTime();
        // Athena's sessions are in UTC and its default database is "default".
        Session session = TestingSession.testSessionBuilder()
                .setCatalog(config.catalogName())
                .setSchema("default")
                .setTimeZoneKey(TimeZoneKey.UTC_KEY)
                .build();
        StandaloneQueryRunner runner = new StandaloneQueryRunner(
                session, server -> server.addProperty("http-server.http.port", Integer.toString(config.httpPort())));
        try {
            runner.installPlugin(new HivePlugin());
            runner.createCatalog(config.catalogName(), HiveCatalog.CONNECTOR_NAME, HiveCatalog.properties(config));
        } catch (RuntimeException e) {
            runner.close();
            throw e;
        }
        TrinoEngine engine = new TrinoEngine(runner, session, config.catalogName());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.log(
                Level.INFO,
                () -> "Trino serving at " + engine.uri() + " with catalog " + config.catalogName()
                        + " (Glue " + config.glueEndpoint() + ", S3 " + config.s3Endpoint() + "), started in "
                        + took.toMillis()
                        + " ms");
        return engine;
    }

    /**
     * Runs one statement in the catalog (schema {@code default}, time zone UTC) and returns its whole answer.
     *
     * @throws TrinoQueryException when Trino refuses or fails the statement
     */
    public QueryResult query(String sql) {
        MaterializedResultWithPlan answer;
        try {
            answer = runner.executeWithPlan(session, sql);
        } catch (RuntimeException e) {
            throw new TrinoQueryException(sql, e);
        }
        MaterializedResult result = answer.result().toTestTypes();
        List<List<Object>> rows = new ArrayList<>(result.getRowCount());
        for (MaterializedRow row : result.getMaterializedRows()) {
            rows.add(row.getFields());
        }
        QueryStats stats = finalStats(answer.queryId());
        return new QueryResult(
                result.getColumnNames(),
                rows,
                stats.getPhysicalInputPositions(),
                stats.getPhysicalInputDataSize().toBytes());
    }

    /** Trino's HTTP endpoint on the loopback address, e.g. {@code http://127.0.0.1:8080}. */
    public URI uri() {
        return runner.getCoordinator().getBaseUrl();
    }

    /** A JDBC URL for the catalog: {@code jdbc:trino://127.0.0.1:8080/awsdatacatalog}. */
    public String jdbcUrl() {
        URI uri = uri();
        return "jdbc:trino://" + uri.getHost() + ":" + uri.getPort() + "/" + catalogName;
    }

    public String catalogName() {
        return catalogName;
    }

    /**
     * The query's statistics once they are complete. The result can arrive before the last task's statistics reach
     * the coordinator: read too early, the input rows and bytes fall short (even zero).
     */
    private QueryStats finalStats(QueryId queryId) {
        long deadline = System.nanoTime() + FINAL_STATS_TIMEOUT.toNanos();
        QueryInfo info = runner.getCoordinator().getQueryManager().getFullQueryInfo(queryId);
        while (!info.isFinalQueryInfo() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the statistics of query " + queryId, e);
            }
            info = runner.getCoordinator().getQueryManager().getFullQueryInfo(queryId);
        }
        if (!info.isFinalQueryInfo()) {
            throw new IllegalStateException(
                    "statistics of query " + queryId + " not final after " + FINAL_STATS_TIMEOUT);
        }
        return info.getQueryStats();
    }

    @Override
    public void close() {
        runner.close();
        log.log(Level.INFO, "Trino stopped");
    }
}
