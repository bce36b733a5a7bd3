package io.stocklake.sink.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stocklake.sink.AwsClients;
import io.stocklake.sink.config.SinkConfig;
import io.stocklake.sink.config.StorageConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retry policy over HTTP: throttling (503 SlowDown) and 5xx are retried, up to the attempt limit. */
class S3RetryTest {

    private static final String SLOW_DOWN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code>"
            + "<Message>Please reduce your request rate.</Message></Error>";

    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private volatile int failuresBeforeSuccess;
    private volatile int failureStatus = 503;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (requests.incrementAndGet() <= failuresBeforeSuccess) {
            byte[] body = SLOW_DOWN.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(failureStatus, body.length);
            exchange.getResponseBody().write(body);
        } else {
            exchange.getResponseHeaders().add("ETag", "\"0\"");
            exchange.sendResponseHeaders(200, -1);
        }
        exchange.close();
    }

    private S3ObjectStore store(int attempts) {
        Map<String, String> props = S3ObjectStoreTest.settings(
                "http://127.0.0.1:" + server.getAddress().getPort());
        props.put(StorageConfig.S3_RETRY_MAX_ATTEMPTS, Integer.toString(attempts));
        return new AwsClients().objectStore(new SinkConfig(props));
    }

    @Test
    void slowDownIsRetriedUntilItSucceeds() {
        failuresBeforeSuccess = 3;
        try (S3ObjectStore store = store(5)) {
            store.put("t/marker", new byte[] {1});
        }
        assertThat(requests.get()).isEqualTo(4);
    }

    @Test
    void serverErrorsAreRetried() {
        failuresBeforeSuccess = 2;
        failureStatus = 500;
        try (S3ObjectStore store = store(5)) {
            store.put("t/marker", new byte[] {1});
        }
        assertThat(requests.get()).isEqualTo(3);
    }

    @Test
    void givesUpAfterTheConfiguredAttempts() {
        failuresBeforeSuccess = Integer.MAX_VALUE;
        try (S3ObjectStore store = store(4)) {
            assertThatThrownBy(() -> store.put("t/marker", new byte[] {1}))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("t/marker");
        }
        assertThat(requests.get()).isEqualTo(4);
    }
}
