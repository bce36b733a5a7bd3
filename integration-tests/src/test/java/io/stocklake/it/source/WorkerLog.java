package io.stocklake.it.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Connect worker's log file, read for the times at which lines of interest were written. */
final class WorkerLog {

    /** The launcher's pattern: {@code [2026-11-24T04:53:11,359] INFO message (logger)}, in local time. */
    private static final Pattern LINE =
            Pattern.compile("^\\[(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2},\\d{3})] (.*)$");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss,SSS");

    private final Path file;

    WorkerLog(Path file) {
        this.file = file;
    }

    /** When each line containing {@code text} was logged, oldest first. */
    List<LocalDateTime> timesOf(String text) {
        try {
            return Files.readAllLines(file).stream()
                    .map(LINE::matcher)
                    .filter(Matcher::matches)
                    .filter(m -> m.group(2).contains(text))
                    .map(m -> LocalDateTime.parse(m.group(1), TIME))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
