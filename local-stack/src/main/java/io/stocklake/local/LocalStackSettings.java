package io.stocklake.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the local stack listens and keeps its data.
 *
 * @param projectDir the checkout, for {@code connect-configs/} and {@code athena/}
 * @param stackDir   the built launcher folder: {@code plugins/}, {@code kafka-runtime/}, {@code overlays/}
 * @param dataDir    everything the stack stores (Kafka logs, S3 objects, Glue catalog), reused across runs
 * @param secure     Kafka on SASL_SSL with SCRAM, an authorizer and one principal per job (docs/security.md)
 */
public record LocalStackSettings(
        Path projectDir,
        Path stackDir,
        Path dataDir,
        boolean wipe,
        boolean secure,
        boolean compaction,
        int kafkaPort,
        int controllerPort,
        int connectPort,
        int s3Port,
        int gluePort,
        int trinoPort,
        int dashboardPort) {

    public static final String BUCKET = "stock-lake";
    public static final String DATABASE = "stock_market";
    public static final String TOPIC = "stock-ticks";
    public static final String TABLE = "stock_ticks";
    public static final String CATALOG = "awsdatacatalog";
    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";
    public static final String REGION = "us-east-1";

    public static LocalStackSettings defaults(Path projectDir, Path stackDir) {
        return new LocalStackSettings(
                projectDir,
                stackDir,
                projectDir.resolve(".local-stack"),
                false,
                false,
                false,
                9092,
                9093,
                8083,
                9000,
                9001,
                8080,
                8088);
    }

    /** Each service and its port, in start order, for the port check and the banner. */
    public Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka broker", kafkaPort);
        ports.put("Kafka controller", controllerPort);
        ports.put("S3 (S3Proxy)", s3Port);
        ports.put("Glue endpoint", gluePort);
        ports.put("Kafka Connect REST", connectPort);
        ports.put("Trino", trinoPort);
        ports.put("Dashboard", dashboardPort);
        return ports;
    }

    public String s3Endpoint() {
        return "http://127.0.0.1:" + s3Port;
    }

    public String glueEndpoint() {
        return "http://127.0.0.1:" + gluePort;
    }

    public String connectUrl() {
        return "http://127.0.0.1:" + connectPort;
    }

    public String trinoUrl() {
        return "http://127.0.0.1:" + trinoPort;
    }

    public String dashboardUrl() {
        return "http://127.0.0.1:" + dashboardPort;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }
}
