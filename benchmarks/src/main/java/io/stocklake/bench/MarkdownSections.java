package io.stocklake.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A Markdown file made of sections that each benchmark owns: between {@code <!-- bench:NAME:begin -->} and
 * {@code <!-- bench:NAME:end -->}. Writing one section leaves the rest of the file as it was.
 */
public final class MarkdownSections {

    static final String HEADER = """
            # Benchmarks

            Each section below is written by the command it names (`./bench NAME`, see `./bench --help`) and
            replaced when that command runs again; text outside the sections is kept. Figures depend on the machine
            and on what else runs on it: compare runs of one section, made on one machine, side by side.
            """;

    private final Path file;

    public MarkdownSections(Path file) {
        this.file = file;
    }

    /** Replaces the section {@code name} with {@code body}, or appends it when the file has none yet. */
    public void put(String name, String body) {
        String begin = "<!-- bench:" + name + ":begin -->";
        String end = "<!-- bench:" + name + ":end -->";
        String section = begin + "\n" + body.strip() + "\n" + end;
        String text = read();
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        String updated;
        if (from >= 0 && to > from) {
            updated = text.substring(0, from) + section + text.substring(to + end.length());
        } else {
            updated = text.stripTrailing() + "\n\n" + section + "\n";
        }
        write(updated);
    }

    /** The body of the section {@code name}, if the file has it. */
    public Optional<String> get(String name) {
        String begin = "<!-- bench:" + name + ":begin -->";
        String end = "<!-- bench:" + name + ":end -->";
        String text = read();
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        return from >= 0 && to > from
                ? Optional.of(text.substring(from + begin.length(), to).strip())
                : Optional.empty();
    }

    private String read() {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : HEADER;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
