package io.stocklake.testing;

import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.S3Server;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** Connector configs for the stack: the sink pointed at its S3 server and Glue endpoint, the tick source. */
public final class StackConfigs {

    public static final String SINK = "io.stocklake.sink.S3GlueSinkConnector";
    public static final String SOURCE = "io.stocklake.source.StockTickSourceConnector";

    private StackConfigs() {}

    /** What a local run adds to a shipped sink config: the endpoints, path-style access, static credentials. */
    public static Map<String, String> localEndpoints(PipelineStack stack) {
        Map<String, String> c = localS3(stack);
        c.put("glue.endpoint.url", stack.glue().uri().toString());
        return c;
    }

    /** The S3 part of {@link #localEndpoints}, for a stack without the Glue endpoint. */
    public static Map<String, String> localS3(PipelineStack stack) {
        Map<String, String> c = s3Endpoint(stack.s3().endpoint());
        c.put("s3.path.style.access", "true");
        c.put("s3.region", S3Server.REGION);
        c.put("aws.access.key.id", stack.s3().accessKey());
        c.put("aws.secret.access.key", stack.s3().secretKey());
        return c;
    }

    /** A sink's S3 endpoint in the stack: its S3 server, or an {@code S3TrafficProxy} in front of it. */
    public static Map<String, String> s3Endpoint(URI endpoint) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("s3.endpoint.url", endpoint.toString());
        // S3Proxy refuses the AWS SDK's default streaming checksums.
        c.put("s3.request.checksums", "when_required");
        return c;
    }

    /** A sink of {@code topic} into {@code bucket}, registering in {@code database}; the rest as defaults. */
    public static Map<String, String> sink(
            PipelineStack stack, String topic, String bucket, String database, String format) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.class", SINK);
        c.put("tasks.max", "1");
        c.put("topics", topic);
        c.put("s3.bucket.name", bucket);
        c.put("format", format);
        c.put("glue.database", database);
        c.putAll(localEndpoints(stack));
        return c;
    }

    /** Ticks of a simulated clock, unpaced unless {@code acceleration} is set, on a 24/7 calendar. */
    public static Map<String, String> simulatedTicks(
            String topic, String symbols, long maxTicks, String start, double ticksPerSecond, double acceleration) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.class", SOURCE);
        c.put("tasks.max", "1");
        c.put("topic", topic);
        c.put("symbols", symbols);
        c.put("clock", "simulated");
        c.put("simulated.start", start);
        c.put("simulated.acceleration", String.valueOf(acceleration));
        c.put("session.calendar", "24x7");
        c.put("ticks.per.second", String.valueOf(ticksPerSecond));
        c.put("max.ticks", String.valueOf(maxTicks));
        c.put("seed", "7");
        return c;
    }
}
