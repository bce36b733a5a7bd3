package io.stocklake.glue.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JSON 1.1 wire format itself: what an SDK parses, seen raw. */
class ProtocolContractTest {
    private final LocalGlue local = LocalGlue.start();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void errorsHaveGluesShapeAndStatus() throws Exception {
        HttpResponse<String> response = local.raw("AWSGlue.GetDatabase", "{\"Name\":\"nowhere\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("__type").asText()).isEqualTo("EntityNotFoundException");
        assertThat(body.get("Message").asText()).contains("nowhere");
    }

    @Test
    void successfulCallsAnswer200WithJson() throws Exception {
        HttpResponse<String> response = local.raw("AWSGlue.GetDatabases", "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("DatabaseList").isArray()).isTrue();
    }

    @Test
    void anUnknownActionIsAnUnknownOperation() throws Exception {
        HttpResponse<String> response = local.raw("AWSGlue.StartCrawler", "{\"Name\":\"c\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("__type").asText()).isEqualTo("UnknownOperationException");
    }

    @Test
    void malformedJsonIsASerializationError() throws Exception {
        HttpResponse<String> response = local.raw("AWSGlue.GetDatabases", "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("__type").asText()).isEqualTo("SerializationException");
    }

    @Test
    void membersUnknownToTheEndpointAreKeptAndReturned() throws Exception {
        local.createDatabase("market");
        local.raw(
                "AWSGlue.CreateTable",
                "{\"DatabaseName\":\"market\",\"TableInput\":{\"Name\":\"ticks\","
                        + "\"PartitionKeys\":[],\"FutureMember\":{\"Kept\":[1,2]},"
                        + "\"StorageDescriptor\":{\"Location\":\"s3://lake/ticks/\",\"FutureFlag\":true}}}");

        JsonNode table = json.readTree(local.raw("AWSGlue.GetTable", "{\"DatabaseName\":\"market\",\"Name\":\"ticks\"}")
                        .body())
                .get("Table");

        assertThat(table.get("FutureMember")).isEqualTo(json.readTree("{\"Kept\":[1,2]}"));
        assertThat(table.get("StorageDescriptor").get("FutureFlag").asBoolean()).isTrue();
    }

    @Test
    void timestampsAreEpochSecondsAsNumbers() throws Exception {
        local.createDatabase("market");
        local.createTable("market", "ticks");

        JsonNode table = json.readTree(local.raw("AWSGlue.GetTable", "{\"DatabaseName\":\"market\",\"Name\":\"ticks\"}")
                        .body())
                .get("Table");

        assertThat(table.get("CreateTime").isNumber()).isTrue();
        // Seconds, not milliseconds: a 2020s instant is about 1.6e9 to 2e9.
        assertThat(table.get("CreateTime").asDouble()).isBetween(1.5e9, 1.0e10);
    }

    @Test
    void healthAnswersUp() {
        HttpResponse<String> response = local.raw(
                java.net.http.HttpRequest.newBuilder(local.admin("/_health")).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("UP");
    }
}
