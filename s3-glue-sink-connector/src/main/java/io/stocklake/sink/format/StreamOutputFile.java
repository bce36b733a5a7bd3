package io.stocklake.sink.format;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Lets the Parquet writer write into a caller's stream rather than a Hadoop file. It can be created once; closing
 * what it creates leaves the caller's stream open.
 */
final class StreamOutputFile implements OutputFile {

    private final ByteCountingStream target;
    private boolean created;

    StreamOutputFile(OutputStream out) {
        this.target = new ByteCountingStream(out);
    }

    /** Bytes written so far. */
    long position() {
        return target.count();
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
        if (created) {
            throw new IOException("the stream already holds a Parquet file");
        }
        created = true;
        return new PositionOutputStream() {
            @Override
            public long getPos() {
                return target.count();
            }

            @Override
            public void write(int b) throws IOException {
                target.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                target.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                target.flush();
            }

            @Override
            public void close() throws IOException {
                target.close();
            }
        };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }
}
