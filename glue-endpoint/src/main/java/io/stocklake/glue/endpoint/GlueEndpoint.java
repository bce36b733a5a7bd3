package io.stocklake.glue.endpoint;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import io.stocklake.glue.endpoint.catalog.Catalog;
import io.stocklake.glue.endpoint.catalog.CatalogId;
import io.stocklake.glue.endpoint.catalog.ColumnStatisticsOperations;
import io.stocklake.glue.endpoint.catalog.DatabaseOperations;
import io.stocklake.glue.endpoint.catalog.PartitionOperations;
import io.stocklake.glue.endpoint.catalog.TableOperations;
import io.stocklake.glue.endpoint.catalog.Timestamps;
import io.stocklake.glue.endpoint.fault.FaultInjector;
import io.stocklake.glue.endpoint.protocol.FaultAdminHandler;
import io.stocklake.glue.endpoint.protocol.GlueRequestHandler;
import io.stocklake.glue.endpoint.protocol.OperationRegistry;
import io.stocklake.glue.endpoint.protocol.RequestAuthenticator;
import io.stocklake.glue.endpoint.protocol.RequestCounts;
import io.stocklake.glue.endpoint.store.CatalogStore;
import io.stocklake.glue.endpoint.store.DirectoryCatalogStore;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running Glue-compatible endpoint. Start one with {@link #start(GlueEndpointConfig)}, point a GlueClient's
 * {@code endpointOverride} at {@link #uri()}, switch faults through {@link #faults()}, close it when done.
 */
public final class GlueEndpoint implements AutoCloseable {
    private static final System.Logger log = System.getLogger(GlueEndpoint.class.getName());

    private final HttpServer server;
    private final ExecutorService executor;
    private final FaultInjector faults;
    private final OperationRegistry operations;
    private final RequestCounts counts;
    private final URI uri;

    private GlueEndpoint(
            HttpServer server,
            ExecutorService executor,
            FaultInjector faults,
            OperationRegistry operations,
            RequestCounts counts) {
        this.server = server;
        this.executor = executor;
        this.faults = faults;
        this.operations = operations;
        this.counts = counts;
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        this.uri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
    }

    /** Loads the catalog (from the data directory, if any), binds and starts serving. */
    public static GlueEndpoint start(GlueEndpointConfig config) throws IOException {
        Clock clock = Clock.systemUTC();
        ObjectMapper mapper = JsonMapper.builder()
                // Numbers (timestamps among them) go back out exactly as clients sent them.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
        CatalogStore store = config.dataDirectory()
                .<CatalogStore>map(directory -> new DirectoryCatalogStore(directory, mapper))
                .orElseGet(CatalogStore::none);
        Catalog catalog = new Catalog(store);
        CatalogId catalogId = new CatalogId(config.catalogId());
        Timestamps timestamps = new Timestamps(clock);
        OperationRegistry operations = new OperationRegistry(List.of(
                new DatabaseOperations(catalog, catalogId, timestamps, mapper).operations(),
                new TableOperations(catalog, catalogId, timestamps, mapper).operations(),
                new PartitionOperations(catalog, catalogId, timestamps, mapper).operations(),
                new ColumnStatisticsOperations(catalog, catalogId, mapper).operations()));
        FaultInjector faults = new FaultInjector(clock);
        RequestCounts counts = new RequestCounts();

        HttpServer server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 0);
        RequestAuthenticator authenticator = new RequestAuthenticator(config.credentials(), config.region(), clock);
        server.createContext("/", new GlueRequestHandler(operations, authenticator, faults, counts, mapper));
        if (config.faultAdmin()) {
            // Off unless asked for: any local process, and any web page by a no-cors POST, could otherwise switch
            // faults.
            server.createContext("/_fault", new FaultAdminHandler(faults, authenticator, clock, mapper));
        }
        server.createContext("/_health", exchange -> {
            try (exchange;
                    OutputStream out = exchange.getResponseBody()) {
                byte[] ok = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, ok.length);
                out.write(ok);
            }
        });
        ExecutorService executor = Executors.newFixedThreadPool(config.threads(), daemonThreads());
        server.setExecutor(executor);
        server.start();
        GlueEndpoint endpoint = new GlueEndpoint(server, executor, faults, operations, counts);
        log.log(Level.INFO, () -> "Glue endpoint serving at " + endpoint.uri() + " with " + config);
        return endpoint;
    }

    /** Where clients send requests, e.g. {@code http://127.0.0.1:41234}. */
    public URI uri() {
        return uri;
    }

    /** The fault switch: set a {@link io.stocklake.glue.endpoint.fault.FaultPlan} to make calls fail. */
    public FaultInjector faults() {
        return faults;
    }

    /**
     * Requests received per action (e.g. {@code BatchCreatePartition -> 3}) since the start or the last
     * {@link #resetRequestCounts()}: every HTTP request counts, SDK retries and calls answered with an error or an
     * injected fault included. Unknown actions are not counted.
     */
    public Map<String, Long> requestCounts() {
        return counts.snapshot();
    }

    /** Requests received for one action, 0 if none. */
    public long requestCount(String operation) {
        return counts.snapshot().getOrDefault(operation, 0L);
    }

    /** Starts counting requests from zero. */
    public void resetRequestCounts() {
        counts.reset();
    }

    /** The Glue actions served. */
    public Set<String> operations() {
        return operations.names();
    }

    /** Stops serving; every change already answered is stored. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        log.log(Level.INFO, () -> "Glue endpoint at " + uri + " stopped");
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "glue-endpoint-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
