package io.stocklake.bench.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * Packs the benchmarks' baselines, the no-op sink and the replay source, into a plugin folder of their own
 * ({@code <dir>/bench-baselines/bench-baselines.jar} with its ServiceLoader manifests), so workers load them
 * through plugin.path like any connector and they never ship with the real plugins.
 */
final class BenchPlugins {

    private static final List<Class<?>> CLASSES =
            List.of(NoopSinkConnector.class, NoopSinkTask.class, ReplaySourceConnector.class, ReplaySourceTask.class);

    private BenchPlugins() {}

    /** Writes the plugin under {@code pluginPath} and returns {@code pluginPath}. */
    static Path writeTo(Path pluginPath) throws IOException {
        Path folder = Files.createDirectories(pluginPath.resolve("bench-baselines"));
        try (OutputStream file = Files.newOutputStream(folder.resolve("bench-baselines.jar"));
                JarOutputStream jar = new JarOutputStream(file)) {
            for (Class<?> type : CLASSES) {
                String entry = type.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(entry));
                try (InputStream bytes = type.getClassLoader().getResourceAsStream(entry)) {
                    bytes.transferTo(jar);
                }
                jar.closeEntry();
            }
            service(jar, SinkConnector.class, NoopSinkConnector.class);
            service(jar, SourceConnector.class, ReplaySourceConnector.class);
        }
        return pluginPath;
    }

    private static void service(JarOutputStream jar, Class<?> service, Class<?> provider) throws IOException {
        jar.putNextEntry(new JarEntry("META-INF/services/" + service.getName()));
        jar.write((provider.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
    }
}
