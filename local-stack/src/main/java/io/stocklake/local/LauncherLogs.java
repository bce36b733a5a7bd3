package io.stocklake.local;

import io.airlift.log.Logging;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends the launcher's own library logging (S3Proxy, Kafka clients, the Glue endpoint, Trino; all of it reaches
 * java.util.logging through Trino's slf4j binding) to a file, so the terminal shows only the start's steps, the
 * banner and the status line.
 *
 * <p>Trino's logging (airlift) takes over java.util.logging once, when the first part that uses it starts: it
 * drops every handler for a console handler on the stderr of that moment (where Trino then prints its startup and
 * the configuration table of each catalog) and sends {@code System.out} and {@code System.err} into the log. So
 * that happens here first, with stderr pointing at the file, and the console handler is dropped; the launcher
 * prints to the streams it kept from before.
 */
final class LauncherLogs {

    private LauncherLogs() {}

    /** Sends all logging of this JVM to {@code file}, appending; call before anything that starts Trino. */
    static void sendTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            takeOverTrinoLogging(file);
            Logger root = Logger.getLogger("");
            for (Handler handler : root.getHandlers()) {
                root.removeHandler(handler);
                handler.close();
            }
            FileHandler jul = new FileHandler(file.toString(), true);
            jul.setFormatter(new SimpleFormatter());
            root.addHandler(jul);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write launcher logs to " + file, e);
        }
    }

    private static void takeOverTrinoLogging(Path file) throws IOException {
        PrintStream before = System.err;
        try (PrintStream log =
                new PrintStream(new FileOutputStream(file.toFile(), true), true, StandardCharsets.UTF_8)) {
            System.setErr(log);
            try {
                Logging.initialize().disableConsole();
            } finally {
                if (System.err == log) {
                    // Set up by an earlier call, which redirected the streams then: they stay as they are.
                    System.setErr(before);
                }
            }
        }
    }
}
