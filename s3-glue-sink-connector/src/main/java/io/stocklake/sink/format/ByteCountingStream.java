package io.stocklake.sink.format;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Counts the bytes written through it. Closing it only flushes: the stream it writes to belongs to the caller
 * of {@link FileFormat#open}, who closes it after {@link RecordFileWriter#finish()}.
 */
final class ByteCountingStream extends FilterOutputStream {

    private long count;

    ByteCountingStream(OutputStream target) {
        super(target);
    }

    long count() {
        return count;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        count += length;
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
