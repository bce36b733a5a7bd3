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

/**
 * Packs the no-op sink into a plugin folder of its own ({@code <dir>/noop-sink/noop-sink.jar} with its
 * ServiceLoader manifest), so workers load it through plugin.path like any connector and it never ships with
 * the real plugins.
 */
final class NoopSinkPlugin {

    private static final List<Class<?>> CLASSES = List.of(NoopSinkConnector.class, NoopSinkTask.class);

    private NoopSinkPlugin() {
    }

    /** Writes the plugin under {@code pluginPath} and returns that folder. */
    static Path writeTo(Path pluginPath) throws IOException {
        Path folder = Files.createDirectories(pluginPath.resolve("noop-sink"));
        try (OutputStream file = Files.newOutputStream(folder.resolve("noop-sink.jar"));
             JarOutputStream jar = new JarOutputStream(file)) {
            for (Class<?> type : CLASSES) {
                String entry = type.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(entry));
                try (InputStream bytes = type.getClassLoader().getResourceAsStream(entry)) {
                    bytes.transferTo(jar);
                }
                jar.closeEntry();
            }
            jar.putNextEntry(new JarEntry("META-INF/services/" + SinkConnector.class.getName()));
            jar.write((NoopSinkConnector.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return pluginPath;
    }
}
