package io.stocklake.it.reliability;

import io.stocklake.stack.PipelineStack;
import io.stocklake.stack.TopicReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/** Everything a stack wrote down where a secret must not appear: its logs and Connect's config topic. */
final class StackTexts {

    private StackTexts() {}

    /** Connect's config topic, {@code key=value} a record. */
    static String configTopic(PipelineStack stack) {
        StringBuilder all = new StringBuilder();
        TopicReader.readUncommitted(stack.broker())
                .readAll("connect-configs", Duration.ofSeconds(30))
                .forEach(r -> all.append(r.key()).append('=').append(r.value()).append('\n'));
        return all.toString();
    }

    /** The broker's and every worker's log. */
    static String logs(PipelineStack stack) {
        try (Stream<Path> files = Files.walk(stack.logsDir())) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(file, StandardCharsets.UTF_8));
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
