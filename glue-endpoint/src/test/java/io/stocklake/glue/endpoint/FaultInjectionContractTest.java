package io.stocklake.glue.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.glue.endpoint.fault.FaultPlan;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.InternalServiceException;
import software.amazon.awssdk.services.glue.model.ThrottlingException;

/** Injected faults as a client sees them, switched through the Java API and through the admin path. */
class FaultInjectionContractTest {
    private final LocalGlue local = LocalGlue.start(GlueEndpointConfig.defaults()
            .withCredentials(LocalGlue.ACCESS_KEY, LocalGlue.SECRET_KEY)
            .withFaultAdmin());
    private final SigV4Requests admin = SigV4Requests.as(LocalGlue.ACCESS_KEY, LocalGlue.SECRET_KEY);

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void throttledCallsFailWithThrottlingException() {
        local.endpoint.faults().set(FaultPlan.none().withThrottlePercent(100));

        assertThatThrownBy(() -> local.glue.getDatabases(r -> {}))
                .isInstanceOfSatisfying(
                        ThrottlingException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
    }

    @Test
    void aThrottlePercentageFailsExactlyThatShareOfCalls() {
        local.endpoint.faults().set(FaultPlan.none().withThrottlePercent(25));
        int throttled = 0;
        for (int i = 0; i < 8; i++) {
            try {
                local.glue.getDatabases(r -> {});
            } catch (ThrottlingException e) {
                throttled++;
            }
        }

        assertThat(throttled).isEqualTo(2);
    }

    @Test
    void internalErrorsFailWithInternalServiceExceptionAnd500() {
        local.endpoint.faults().set(FaultPlan.none().withInternalErrorPercent(100));

        assertThatThrownBy(() -> local.glue.getDatabases(r -> {}))
                .isInstanceOfSatisfying(
                        InternalServiceException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(500));
    }

    @Test
    void duringAnOutageEveryCallFailsUntilItIsCleared() {
        local.endpoint.faults().set(FaultPlan.none().withOutage(Instant.now(), Instant.MAX));

        assertThatThrownBy(() -> local.glue.getDatabases(r -> {}))
                .isInstanceOfSatisfying(
                        GlueException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
        local.endpoint.faults().clear();
        assertThat(local.glue.getDatabases(r -> {}).databaseList()).isEmpty();
    }

    @Test
    void faultsCanBeLimitedToSomeActions() {
        local.endpoint.faults().set(FaultPlan.none().withThrottlePercent(100).onlyFor(Set.of("CreateDatabase")));

        assertThat(local.glue.getDatabases(r -> {}).databaseList()).isEmpty();
        assertThatThrownBy(() -> local.createDatabase("market")).isInstanceOf(ThrottlingException.class);
    }

    @Test
    void theAdminPathSwitchesFaultsOnAndOff() {
        HttpResponse<String> set = local.raw(admin.post(
                        local.admin("/_fault"), Map.of(), "{\"throttlePercent\":100,\"operations\":[\"GetDatabases\"]}")
                .build());
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body()).contains("\"throttlePercent\":100").contains("GetDatabases");
        assertThatThrownBy(() -> local.glue.getDatabases(r -> {})).isInstanceOf(ThrottlingException.class);

        HttpResponse<String> cleared = local.raw(admin.signed("DELETE", local.admin("/_fault"), Map.of(), "")
                .DELETE()
                .build());

        assertThat(cleared.statusCode()).isEqualTo(200);
        assertThat(local.glue.getDatabases(r -> {}).databaseList()).isEmpty();
    }

    @Test
    void theAdminPathStartsAnOutage() {
        local.raw(admin.post(local.admin("/_fault"), Map.of(), "{\"outage\":true}")
                .build());

        assertThat(local.raw(admin.signed("GET", local.admin("/_fault"), Map.of(), "")
                                .GET()
                                .build())
                        .body())
                .contains("\"outage\":true");
        assertThatThrownBy(() -> local.glue.getDatabases(r -> {}))
                .isInstanceOfSatisfying(
                        GlueException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
    }

    @Test
    void theAdminPathRejectsAnInvalidPlan() {
        HttpResponse<String> response =
                local.raw(admin.post(local.admin("/_fault"), Map.of(), "{\"throttlePercent\":150}")
                        .build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("throttlePercent");
        assertThat(local.endpoint.faults().plan()).isEqualTo(FaultPlan.none());
    }

    @Test
    void theAdminPathRefusesAnUnsignedCaller() {
        // What any local process, or a web page by a no-cors POST, can send.
        HttpResponse<String> response = local.raw(HttpRequest.newBuilder(local.admin("/_fault"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"outage\":true}"))
                .build());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("MissingAuthenticationTokenException");
        assertThat(local.endpoint.faults().plan()).isEqualTo(FaultPlan.none());
    }

    @Test
    void theAdminPathRefusesACallerWithTheWrongSecret() {
        HttpResponse<String> response = local.raw(SigV4Requests.as(LocalGlue.ACCESS_KEY, "guessed")
                .post(local.admin("/_fault"), Map.of(), "{\"outage\":true}")
                .build());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(local.endpoint.faults().plan()).isEqualTo(FaultPlan.none());
    }

    @Test
    void theAdminPathIsAbsentUnlessAskedFor() {
        try (LocalGlue plain = LocalGlue.start(
                GlueEndpointConfig.defaults().withCredentials(LocalGlue.ACCESS_KEY, LocalGlue.SECRET_KEY))) {
            HttpResponse<String> response = plain.raw(admin.post(plain.admin("/_fault"), Map.of(), "{\"outage\":true}")
                    .build());

            assertThat(response.statusCode()).isNotEqualTo(200);
            assertThat(plain.endpoint.faults().plan()).isEqualTo(FaultPlan.none());
        }
    }
}
