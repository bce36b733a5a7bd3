package io.stocklake.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The page serves only itself: its Host, its origin, JSON it sent; and a bounded number of statements at once. */
class DashboardServerTest {

    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean holdStatements;
    private final HttpClient http = HttpClient.newHttpClient();
    private DashboardServer server;
    private String page;

    @BeforeEach
    void start() throws IOException {
        PipelineMonitor monitor =
                new PipelineMonitor(() -> null, () -> null, Clock.systemUTC(), Duration.ofHours(1), 1, "worker.log");
        PageQueries queries = new PageQueries(Map.of("bars", "SELECT * FROM stock_bars_1m"), Map.of());
        server = new DashboardServer(0, monitor, queries, (sql, parameters, maxRows) -> {
                    if (sql.contains("stock_bars_1m")) {
                        throw new SQLException(
                                "Query failed: line 1:15: Table 'hive.stock_market.stock_bars_1m' does not exist");
                    }
                    ran.add(sql);
                    if (holdStatements) {
                        release.await(30, TimeUnit.SECONDS);
                    }
                    return List.of(List.of("answer"), List.of("42"));
                })
                .start();
        page = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    @Test
    void sameOriginJsonRuns() throws Exception {
        HttpResponse<String> response = postSql("application/json", page, "{\"sql\":\"SELECT 42\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(ran).containsExactly("SELECT 42");
    }

    @Test
    void aPlainTextBodyThatAnyPageCanSendIsRefused() throws Exception {
        HttpResponse<String> response = postSql("text/plain", null, "SELECT 42");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("application/json");
        assertThat(ran).isEmpty();
    }

    @Test
    void aCrossOriginPostIsRefused() throws Exception {
        HttpResponse<String> response = postSql("application/json", "http://evil.example", "{\"sql\":\"SELECT 42\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Cross-origin");
        assertThat(ran).isEmpty();
    }

    @Test
    void aForeignHostIsRefusedForPagesAndAnswers() throws Exception {
        // What a DNS-rebinding page sends: our address under its own name.
        assertThat(statusLine("GET /api/pipeline", "rebind.evil.example:" + server.port()))
                .contains(" 403 ");
        assertThat(statusLine("GET /index.html", "rebind.evil.example:" + server.port()))
                .contains(" 403 ");
        assertThat(statusLine("GET /api/pipeline", "localhost:" + server.port()))
                .contains(" 200 ");
    }

    @Test
    void aShippedQueryOfATableNotCreatedYetAnswersNoRowsNotAFailure() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(page + "/api/query?name=bars"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"rows\":[]").contains("\"missing\"");
    }

    @Test
    void statementsBeyondTheConcurrencyBoundAreRefused() throws Exception {
        holdStatements = true;
        List<CompletableFuture<HttpResponse<String>>> running = List.of(
                CompletableFuture.supplyAsync(() -> postSqlUnchecked("SELECT 1")),
                CompletableFuture.supplyAsync(() -> postSqlUnchecked("SELECT 2")));
        while (ran.size() < DashboardServer.MAX_RUNNING_SQL) {
            Thread.sleep(20);
        }

        HttpResponse<String> third = postSql("application/json", page, "{\"sql\":\"SELECT 3\"}");

        assertThat(third.statusCode()).isEqualTo(429);
        release.countDown();
        assertThat(running)
                .allSatisfy(r ->
                        assertThat(r.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200));
        assertThat(ran).containsExactlyInAnyOrder("SELECT 1", "SELECT 2");
    }

    private HttpResponse<String> postSqlUnchecked(String sql) {
        try {
            return postSql("application/json", page, "{\"sql\":\"" + sql + "\"}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> postSql(String contentType, String origin, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(page + "/api/sql"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status line for a request with this Host header, which the JDK's HTTP client will not set. */
    private String statusLine(String requestLine, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.lines().findFirst().orElse("");
        }
    }
}
