package io.stocklake.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpRelayTest {

    private HttpServer target;

    @BeforeEach
    void startTarget() throws Exception {
        target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.createContext("/", exchange -> {
            byte[] body = ("host=" + exchange.getRequestHeaders().getFirst("Host") + " body="
                            + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        target.start();
    }

    @AfterEach
    void stopTarget() {
        target.stop(0);
    }

    @Test
    void forwardsRequestsAndAnswersUnchangedIncludingTheHostTheClientUsed() throws Exception {
        try (TcpRelay relay = TcpRelay.start("127.0.0.1", 0, target.getAddress().getPort());
                HttpClient client = HttpClient.newHttpClient()) {
            URI uri = URI.create("http://127.0.0.1:" + relay.port() + "/v1/statement");
            for (int i = 0; i < 3; i++) { // kept-alive connection, several exchanges
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(uri)
                                .POST(HttpRequest.BodyPublishers.ofString("SELECT " + i))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("host=127.0.0.1:" + relay.port() + " body=SELECT " + i);
            }
        }
    }

    @Test
    void closingTheRelayFreesItsPort() throws Exception {
        TcpRelay relay = TcpRelay.start("127.0.0.1", 0, target.getAddress().getPort());
        int port = relay.port();
        relay.close();
        try (TcpRelay again =
                TcpRelay.start("127.0.0.1", port, target.getAddress().getPort())) {
            assertThat(again.port()).isEqualTo(port);
        }
    }
}
