package io.stocklake.bench;

import io.stocklake.testing.PipelineStack;
import io.stocklake.testing.S3Server;
import io.stocklake.testing.SinkGroupOffsets;
import io.stocklake.testing.TopicReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Sink records/s per task, by format, next to a no-op sink reading the same pre-filled topic in the same worker:
 * one broker, one Connect worker (child JVM), S3Proxy in this JVM. The topic is filled once by the stock tick
 * source (simulated clock); each run then starts one connector per variant with a fresh consumer group, one
 * task on the topic's single partition, variants in rotating order.
 *
 * <p>Rate of a run: records committed between the first commit and the first commit at or past 90% of the
 * topic, over that time. Both ends are commits, which the sink makes only once the files are in S3, so the
 * rate includes encoding, compression and upload; the open tail is left out for every variant alike.
 *
 * <p>A first pass over all variants warms the worker's JIT up and is not counted.
 *
 * <p>Arguments: records (default 300000), runs (default 3).
 */
public final class SinkThroughputBenchmark {

    private static final String TOPIC = "bench-ticks";
    private static final String BUCKET = "bench";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

    record Variant(String name, String connectorClass, String format, String compression) {
    }

    private static final List<Variant> VARIANTS = List.of(
            new Variant("no-op sink", NoopSinkConnector.class.getName(), null, null),
            new Variant("JSON lines", "io.stocklake.sink.S3GlueSinkConnector", "json", "none"),
            new Variant("CSV", "io.stocklake.sink.S3GlueSinkConnector", "csv", "none"),
            new Variant("Parquet + snappy", "io.stocklake.sink.S3GlueSinkConnector", "parquet", "snappy"),
            new Variant("Parquet + zstd", "io.stocklake.sink.S3GlueSinkConnector", "parquet", "zstd"));

    private SinkThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 300_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path benchPlugins = NoopSinkPlugin.writeTo(Files.createTempDirectory("bench-plugins"));
        String pluginPath = System.getProperty(PipelineStack.PLUGIN_PATH_PROPERTY) + "," + benchPlugins;
        String machine = MachineDescription.describe();

        Map<Variant, List<Double>> rates = new LinkedHashMap<>();
        VARIANTS.forEach(v -> rates.put(v, new ArrayList<>()));
        try (PipelineStack stack = PipelineStack.builder().workers(1).workerHeap("1g")
                .workerConfig("plugin.path", pluginPath)
                // Commits (the measuring points) every 200 ms instead of every second.
                .workerConfig("offset.flush.interval.ms", "200")
                .build().start("SinkThroughputBenchmark");
             Admin admin = stack.broker().admin();
             S3Client s3 = stack.s3().client()) {
            stack.s3().createBucket(BUCKET);
            fill(stack, records);
            SinkGroupOffsets offsets = new SinkGroupOffsets(admin);
            for (int run = 0; run <= runs; run++) {
                for (int i = 0; i < VARIANTS.size(); i++) {
                    Variant variant = VARIANTS.get((i + run) % VARIANTS.size());
                    double rate = measure(stack, offsets, variant, run, records);
                    if (run > 0) {
                        rates.get(variant).add(rate);
                    }
                    System.out.printf(Locale.ROOT, "%s  %-17s %,10.0f records/s%n",
                            run == 0 ? "warm-up" : "run " + run, variant.name(), rate);
                    emptyBucket(s3);
                }
            }
        }
        String report = report(rates, records, runs, machine);
        System.out.println(report);
        Path out = Paths.get("target", "bench", "sink-throughput.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.exit(0);
    }

    private static void fill(PipelineStack stack, long records) {
        stack.broker().createTopic(TOPIC, 1);
        Map<String, String> source = new HashMap<>();
        source.put("connector.class", "io.stocklake.source.StockTickSourceConnector");
        source.put("tasks.max", "1");
        source.put("topic", TOPIC);
        source.put("clock", "simulated");
        source.put("max.ticks", String.valueOf(records));
        source.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        source.put("value.converter.schemas.enable", "true");
        stack.connect().rest().putConnector("bench-source", source);
        TopicReader reader = TopicReader.readUncommitted(stack.broker().bootstrapServers());
        Instant deadline = Instant.now().plus(RUN_TIMEOUT);
        while (reader.endOffsetSum(TOPIC) < records) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Topic not filled within " + RUN_TIMEOUT);
            }
            sleep(500);
        }
        stack.connect().rest().deleteConnector("bench-source");
    }

    private static double measure(PipelineStack stack, SinkGroupOffsets offsets, Variant variant, int run,
                                  long records) {
        String name = "bench-" + variant.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-") + "-" + run;
        stack.connect().rest().putConnector(name, config(stack, variant));
        long target = records * 9 / 10;
        long firstCommitted = 0;
        long firstAt = 0;
        Instant deadline = Instant.now().plus(RUN_TIMEOUT);
        try {
            while (Instant.now().isBefore(deadline)) {
                long committed = offsets.committedSum(name, TOPIC);
                long now = System.nanoTime();
                if (firstCommitted == 0 && committed > 0) {
                    firstCommitted = committed;
                    firstAt = now;
                } else if (committed >= target && firstAt > 0) {
                    return (committed - firstCommitted) / ((now - firstAt) / 1e9);
                }
                sleep(50);
            }
            throw new IllegalStateException(variant.name() + " did not commit " + target + " records within "
                    + RUN_TIMEOUT + "; status " + stack.connect().rest().status(name));
        } finally {
            stack.connect().rest().deleteConnector(name);
        }
    }

    private static Map<String, String> config(PipelineStack stack, Variant variant) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", variant.connectorClass());
        config.put("tasks.max", "1");
        config.put("topics", TOPIC);
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "true");
        if (variant.format() != null) {
            // connect-configs/s3-sink.json's settings, with the format under test.
            config.put("s3.bucket.name", BUCKET);
            config.put("s3.endpoint.url", stack.s3().endpoint().toString());
            config.put("s3.path.style.access", "true");
            config.put("s3.region", S3Server.REGION);
            config.put("aws.access.key.id", S3Server.ACCESS_KEY);
            config.put("aws.secret.access.key", S3Server.SECRET_KEY);
            config.put("format", variant.format());
            config.put("compression", variant.compression());
            config.put("partition.time.source", "record");
            config.put("flush.size", "10000");
            config.put("rotate.schedule.interval.ms", "60000");
        }
        return config;
    }

    private static void emptyBucket(S3Client s3) {
        List<S3Object> objects;
        while (!(objects = s3.listObjectsV2(b -> b.bucket(BUCKET)).contents()).isEmpty()) {
            List<ObjectIdentifier> keys = objects.stream().map(o -> ObjectIdentifier.builder().key(o.key()).build())
                    .toList();
            s3.deleteObjects(b -> b.bucket(BUCKET).delete(d -> d.objects(keys)));
        }
    }

    private static String report(Map<Variant, List<Double>> rates, long records, int runs, String machine) {
        double baseline = median(rates.get(VARIANTS.get(0)));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n%,d ticks (JSON with schema), 1 partition, 1 task, "
                + "%d runs after a warm-up pass%n%n", records, runs));
        out.append("| sink | records/s per task, median | min - max | of the no-op sink |\n");
        out.append("|---|---:|---:|---:|\n");
        rates.forEach((variant, values) -> out.append(String.format(Locale.ROOT,
                "| %s | %,.0f | %,.0f - %,.0f | %.0f%% |%n", variant.name(), median(values),
                values.stream().mapToDouble(d -> d).min().orElse(0), values.stream().mapToDouble(d -> d).max().orElse(0),
                100 * median(values) / baseline)));
        out.append("\n").append(machine).append("\n");
        return out.toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the figures were measured on. */
    static final class MachineDescription {

        private MachineDescription() {
        }

        static String describe() throws IOException {
            String cpu = "unknown CPU";
            Path cpuinfo = Paths.get("/proc/cpuinfo");
            if (Files.isReadable(cpuinfo)) {
                cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
            }
            String memory = "";
            Path meminfo = Paths.get("/proc/meminfo");
            if (Files.isReadable(meminfo)) {
                memory = Files.readAllLines(meminfo).stream().filter(l -> l.startsWith("MemTotal"))
                        .map(l -> ", " + Long.parseLong(l.replaceAll("\\D", "")) / (1024 * 1024) + " GiB RAM")
                        .findFirst().orElse("");
            }
            String load = Files.isReadable(Paths.get("/proc/loadavg"))
                    ? ", load average at start " + Files.readString(Paths.get("/proc/loadavg")).split(" ")[0] : "";
            return String.format(Locale.ROOT, "Machine: %s, %d cores%s, %s %s, Java %s (%s)%s.", cpu,
                    Runtime.getRuntime().availableProcessors(), memory, System.getProperty("os.name"),
                    System.getProperty("os.arch"), System.getProperty("java.version"),
                    System.getProperty("java.vm.vendor"), load);
        }
    }
}
