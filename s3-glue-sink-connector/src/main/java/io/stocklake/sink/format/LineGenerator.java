package io.stocklake.sink.format;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One Jackson generator for all lines of a file, each line rendered into a buffer first. A generator made per
 * line allocated its buffers anew each time (gigabytes per million CSV rows, the sink's slowest format in the
 * benchmarks); reusing one keeps them. A line that throws leaves the generator mid-value, so it is replaced and
 * nothing of that line is handed on.
 *
 * @param <G> the generator type (JSON, CSV)
 */
final class LineGenerator<G extends JsonGenerator> {

    /** Makes a generator writing to the given stream. */
    @FunctionalInterface
    interface Factory<G extends JsonGenerator> {
        G create(OutputStream target) throws IOException;
    }

    /** Writes one line's tokens. */
    @FunctionalInterface
    interface Line<G extends JsonGenerator> {
        void write(G generator) throws IOException;
    }

    private final Factory<G> factory;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
    private G generator;

    LineGenerator(Factory<G> factory) {
        this.factory = factory;
    }

    /** Renders {@code line} and writes it to {@code target}; on a throw, {@code target} gets nothing. */
    void write(Line<G> line, OutputStream target) throws IOException {
        buffer.reset();
        if (generator == null) {
            generator = factory.create(buffer);
        }
        boolean rendered = false;
        try {
            line.write(generator);
            generator.flush();
            rendered = true;
        } finally {
            if (!rendered) {
                generator = null;
            }
        }
        buffer.writeTo(target);
    }
}
