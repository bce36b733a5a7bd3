package io.stocklake.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

/**
 * The live page on 127.0.0.1: static files, {@code /api/pipeline} (the monitor's view), {@code /api/queries} and
 * {@code /api/query?name=...&symbol=...&day=...} (shipped queries by name), and {@code POST /api/sql} (one
 * read-only statement as {@code {"sql": "..."}}). Every request must name this server as its Host, and the SQL
 * box takes only same-origin JSON ({@link PageGuard}); at most {@value #MAX_RUNNING_SQL} statements run at once,
 * each for at most {@link #MAX_SQL_TIME} and {@value #MAX_SQL_ROWS} rows. The JDK's HTTP server is enough for a
 * few JSON endpoints; no web framework.
 */
final class DashboardServer implements AutoCloseable {

    static final int MAX_SQL_ROWS = 1000;
    static final int MAX_RUNNING_SQL = 2;
    static final Duration MAX_SQL_TIME = Duration.ofSeconds(30);
    private static final int MAX_SQL_BYTES = 64 * 1024;

    private final ObjectMapper json = new ObjectMapper();
    private final PipelineMonitor monitor;
    private final PageQueries queries;
    private final SqlEngine engine;
    private final HttpServer server;
    private final PageGuard guard;
    private final Semaphore running = new Semaphore(MAX_RUNNING_SQL);
    private final ExecutorService handlers = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "dashboard-http");
        t.setDaemon(true);
        return t;
    });

    DashboardServer(int port, PipelineMonitor monitor, PageQueries queries, SqlEngine engine) throws IOException {
        this.monitor = monitor;
        this.queries = queries;
        this.engine = engine;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        this.guard = new PageGuard(server.getAddress().getPort());
        server.setExecutor(handlers);
        server.createContext("/", this::staticFile);
        server.createContext("/api/pipeline", exchange -> handle(exchange, "GET", this::pipeline));
        server.createContext("/api/queries", exchange -> handle(exchange, "GET", this::queryList));
        server.createContext("/api/query", exchange -> handle(exchange, "GET", this::namedQuery));
        server.createContext("/api/sql", exchange -> handle(exchange, "POST", this::sql));
    }

    DashboardServer start() {
        server.start();
        return this;
    }

    int port() {
        return server.getAddress().getPort();
    }

    private Object pipeline(HttpExchange exchange) {
        PipelineView view = monitor.view();
        // Not an error status: a page opened in the first seconds would log it in the browser's console.
        return view == null ? Map.of("pending", true) : view;
    }

    private Object queryList(HttpExchange exchange) {
        Map<String, String> sql = new LinkedHashMap<>();
        queries.shippedNames().forEach(name -> sql.put(name, queries.sql(name)));
        return Map.of("shipped", queries.shippedNames(), "sql", sql);
    }

    /** Trino's words for a table not in the catalog (TABLE_NOT_FOUND). */
    private static final Pattern TABLE_MISSING = Pattern.compile("Table '[^']+' does not exist");

    private Object namedQuery(HttpExchange exchange) throws Exception {
        Map<String, String> params = query(exchange.getRequestURI());
        String name = params.get("name");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                    "Parameter 'name' is required, e.g. /api/query?name=ohlcv_1m&symbol=AAPL");
        }
        List<String> values = params.containsKey("day") ? List.of(params.get("day")) : List.of();
        PageQueries.Statement statement = queries.statement(name, params.get("symbol"), values);
        try {
            return result(engine.run(statement.sql(), statement.parameters(), Integer.MAX_VALUE), Integer.MAX_VALUE);
        } catch (SQLException e) {
            // A table the sink creates with its first file (the analytics' bars and alerts) is not there at first:
            // the page shows that as "none yet", not as a failed request.
            if (TABLE_MISSING.matcher(String.valueOf(e.getMessage())).find()) {
                return Map.of("columns", List.of(), "rows", List.of(), "truncated", false, "missing", e.getMessage());
            }
            throw e;
        }
    }

    private Object sql(HttpExchange exchange) throws Exception {
        Optional<String> refused = guard.refuseCommand(
                exchange.getRequestHeaders().getFirst("Host"),
                exchange.getRequestHeaders().getFirst("Origin"),
                exchange.getRequestHeaders().getFirst("Sec-Fetch-Site"),
                exchange.getRequestHeaders().getFirst("Content-Type"));
        if (refused.isPresent()) {
            throw new Refused(403, refused.get());
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_SQL_BYTES + 1);
        if (body.length > MAX_SQL_BYTES) {
            throw new IllegalArgumentException("The statement is longer than " + MAX_SQL_BYTES + " bytes.");
        }
        String statement = ReadOnlySql.check(json.readTree(body).path("sql").asText(""));
        // A shipped query pasted into the box keeps its ? placeholders: today's date and hour, as on the command line.
        List<String> parameters = LocalQuery.withDefaults(ReadOnlySql.codeOnly(statement), List.of());
        if (!running.tryAcquire()) {
            throw new Refused(429, MAX_RUNNING_SQL + " statements are running already; try again when one is done.");
        }
        try {
            return result(engine.run(statement, parameters, MAX_SQL_ROWS), MAX_SQL_ROWS);
        } finally {
            running.release();
        }
    }

    private static Map<String, Object> result(List<List<String>> rows, int maxRows) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("columns", rows.get(0));
        boolean truncated = rows.size() - 1 > maxRows;
        out.put("rows", rows.subList(1, truncated ? maxRows + 1 : rows.size()));
        out.put("truncated", truncated);
        return out;
    }

    private void handle(HttpExchange exchange, String method, Endpoint endpoint) throws IOException {
        try (exchange) {
            Optional<String> foreign =
                    guard.refuseRequest(exchange.getRequestHeaders().getFirst("Host"));
            if (foreign.isPresent()) {
                send(exchange, 403, Map.of("error", foreign.get()));
                return;
            }
            if (!exchange.getRequestMethod().equals(method)) {
                send(
                        exchange,
                        405,
                        Map.of(
                                "error",
                                "Use " + method + " for "
                                        + exchange.getRequestURI().getPath()));
                return;
            }
            try {
                send(exchange, 200, endpoint.answer(exchange));
            } catch (Refused e) {
                send(exchange, e.status, Map.of("error", e.getMessage()));
            } catch (JsonProcessingException e) {
                send(exchange, 400, Map.of("error", "The body must be JSON: {\"sql\": \"SELECT ...\"}"));
            } catch (IllegalArgumentException e) {
                send(exchange, 400, Map.of("error", e.getMessage()));
            } catch (Exception e) {
                send(exchange, 502, Map.of("error", "Query failed: " + e.getMessage()));
            }
        }
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void staticFile(HttpExchange exchange) throws IOException {
        try (exchange) {
            Optional<String> foreign =
                    guard.refuseRequest(exchange.getRequestHeaders().getFirst("Host"));
            if (foreign.isPresent()) {
                send(exchange, 403, Map.of("error", foreign.get()));
                return;
            }
            String resource =
                    DashboardFiles.resourceFor(exchange.getRequestURI().getPath());
            byte[] bytes = resource == null ? null : DashboardFiles.read(resource);
            if (bytes == null) {
                byte[] notFound = "Not found".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(404, notFound.length);
                exchange.getResponseBody().write(notFound);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", DashboardFiles.contentType(resource));
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    /** Runs SQL against the lake; rows as text, header first. */
    interface SqlEngine {
        List<List<String>> run(String sql, List<String> parameters, int maxRows) throws Exception;
    }

    private interface Endpoint {
        Object answer(HttpExchange exchange) throws Exception;
    }

    /** A request the page will not serve, with the status that says why. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
