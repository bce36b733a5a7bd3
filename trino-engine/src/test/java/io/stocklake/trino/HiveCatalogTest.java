package io.stocklake.trino;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HiveCatalogTest {
    private static final TrinoEngineConfig CONFIG = TrinoEngineConfig.of(
                    URI.create("http://127.0.0.1:9000"),
                    new AccessKeys("s3id", "s3secret"),
                    URI.create("http://127.0.0.1:9911"),
                    new AccessKeys("gid", "gsecret"))
            .withRegion("eu-west-1");

    @Test
    void readsObjectsThroughNativeS3PathStyleAtTheEndpoint() {
        assertThat(HiveCatalog.properties(CONFIG))
                .containsAllEntriesOf(Map.of(
                        "fs.native-s3.enabled", "true",
                        "s3.endpoint", "http://127.0.0.1:9000",
                        "s3.path-style-access", "true",
                        "s3.region", "eu-west-1",
                        "s3.aws-access-key", "s3id",
                        "s3.aws-secret-key", "s3secret"));
    }

    @Test
    void readsTableDefinitionsFromGlueAtTheEndpoint() {
        assertThat(HiveCatalog.properties(CONFIG))
                .containsAllEntriesOf(Map.of(
                        "hive.metastore", "glue",
                        "hive.metastore.glue.endpoint-url", "http://127.0.0.1:9911",
                        "hive.metastore.glue.region", "eu-west-1",
                        "hive.metastore.glue.aws-access-key", "gid",
                        "hive.metastore.glue.aws-secret-key", "gsecret"));
    }

    @Test
    void readsTimestampsAsAthenaDoes() {
        assertThat(HiveCatalog.properties(CONFIG))
                .containsAllEntriesOf(Map.of(
                        "hive.parquet.time-zone", "UTC",
                        "hive.timestamp-precision", "MILLISECONDS"));
    }

    @Test
    void letsNoUserWrite() {
        assertThat(HiveCatalog.properties(CONFIG)).containsEntry("hive.security", "read-only");
    }

    @Test
    void seesNewPartitionsAtOnce() {
        assertThat(HiveCatalog.properties(CONFIG)).containsEntry("hive.metastore-cache-ttl", "0s");
    }
}
