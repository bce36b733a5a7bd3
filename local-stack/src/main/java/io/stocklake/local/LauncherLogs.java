package io.stocklake.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends the launcher's own library logging (S3Proxy, Kafka clients, the Glue endpoint, Trino; all of it reaches
 * java.util.logging through Trino's slf4j binding) to a file, so the terminal shows only the banner and the
 * status line.
 */
final class LauncherLogs {

    private LauncherLogs() {
    }

    /**
     * Replaces the root logger's handlers with a file. Trino's logging installs a console handler when it starts,
     * so this runs again after Trino is up.
     */
    static void sendTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
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
}
