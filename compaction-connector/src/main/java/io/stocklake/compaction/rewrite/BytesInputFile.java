package io.stocklake.compaction.rewrite;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/** A whole Parquet file held in memory: the sink's files are small, the reader seeks to the footer first. */
final class BytesInputFile implements InputFile {

    private final byte[] content;

    BytesInputFile(byte[] content) {
        this.content = content;
    }

    @Override
    public long getLength() {
        return content.length;
    }

    @Override
    public SeekableInputStream newStream() {
        Positioned in = new Positioned(content);
        return new DelegatingSeekableInputStream(in) {
            @Override
            public long getPos() {
                return in.position();
            }

            @Override
            public void seek(long newPos) throws IOException {
                if (newPos < 0 || newPos > content.length) {
                    throw new IOException("seek to " + newPos + " outside a file of " + content.length + " bytes");
                }
                in.seek((int) newPos);
            }
        };
    }

    private static final class Positioned extends ByteArrayInputStream {
        Positioned(byte[] content) {
            super(content);
        }

        long position() {
            return pos;
        }

        void seek(int position) {
            pos = position;
        }
    }
}
