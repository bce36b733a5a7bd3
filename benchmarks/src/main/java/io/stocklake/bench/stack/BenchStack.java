package io.stocklake.bench.stack;

import io.stocklake.stack.PipelineStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The one stack every benchmark runs on, started on first use: a KRaft broker, one Connect worker (child JVM,
 * 1 GiB heap) loading the plugin archives, the baselines (no-op sink, replay source) and, when built, the peer
 * sink through {@code plugin.path}, S3Proxy and the Glue endpoint, all on 127.0.0.1. One shape for all keeps the figures of
 * different benchmarks comparable and lets the smoke test run them all on one stack.
 */
public final class BenchStack implements AutoCloseable {

    /** The folder of the peer sink's plugin (its jars), built by the benchmarks module; absent: no peer. */
    public static final String PEER_PLUGIN_PROPERTY = "stocklake.peer.plugin.path";

    public static final String WORKER_HEAP = "1g";
    /** Sink commits, the measuring points of several benchmarks, every 200 ms instead of every second. */
    static final String OFFSET_FLUSH_INTERVAL_MS = "200";

    private final String name;
    private PipelineStack stack;

    public BenchStack(String name) {
        this.name = name;
    }

    /** The running stack; starts it on the first call. */
    public synchronized PipelineStack get() {
        if (stack == null) {
            stack = PipelineStack.builder()
                    .workers(1)
                    .workerHeap(WORKER_HEAP)
                    .withGlue()
                    .workerConfig("plugin.path", String.join(",", pluginPath()))
                    .workerConfig("offset.flush.interval.ms", OFFSET_FLUSH_INTERVAL_MS)
                    .build()
                    .start(name);
        }
        return stack;
    }

    /** Whether the peer sink's plugin was built and is on the worker's plugin.path. */
    public static boolean hasPeer() {
        String peer = System.getProperty(PEER_PLUGIN_PROPERTY);
        return peer != null && Files.isDirectory(Paths.get(peer));
    }

    @Override
    public synchronized void close() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }

    private static List<String> pluginPath() {
        List<String> path = new ArrayList<>();
        path.add(System.getProperty(PipelineStack.PLUGIN_PATH_PROPERTY));
        try {
            path.add(BenchPlugins.writeTo(Files.createTempDirectory("bench-plugins"))
                    .toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the benchmarks' baseline plugins", e);
        }
        if (hasPeer()) {
            // plugin.path entries hold plugin folders; the peer's folder is one plugin, so name its parent.
            path.add(Path.of(System.getProperty(PEER_PLUGIN_PROPERTY))
                    .toAbsolutePath()
                    .getParent()
                    .toString());
        }
        return path;
    }
}
