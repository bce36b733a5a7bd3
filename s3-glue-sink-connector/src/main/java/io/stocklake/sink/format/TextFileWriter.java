package io.stocklake.sink.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Writes one text file: each record is encoded into a buffer first and reaches the file only whole, so a bad
 * record leaves no partial line behind.
 *
 * <p>{@link #size()} counts encoded bytes after compression. With gzip or zstd it trails the final size by
 * what the compressor still holds (zstd up to about one 128 KiB block of input), which {@link #finish()}
 * writes out.
 */
final class TextFileWriter implements RecordFileWriter {

    /** A row encoder's generator and line buffers; measured 17.8 KB for JSON lines, 19.2 KB for CSV ticks. */
    static final long ENCODER_BYTES = 20 * 1024;

    private final RowEncoder encoder;
    private final ByteArrayOutputStream row = new ByteArrayOutputStream(512);
    private final ByteCountingStream encoded;
    private final OutputStream file;
    private final long overheadBytes;
    private boolean finished;

    TextFileWriter(RowEncoder encoder, TextCompression compression, OutputStream out) throws IOException {
        this.encoder = encoder;
        this.overheadBytes = ENCODER_BYTES + compression.heapBytes();
        this.encoded = new ByteCountingStream(out);
        this.file = compression.wrap(encoded);
        encoder.writeHeader(file);
    }

    @Override
    public void write(SinkRecord record) throws IOException {
        if (finished) {
            throw new IllegalStateException("file already finished");
        }
        row.reset();
        try {
            encoder.encode(record, row);
        } catch (DataException e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            // The row is an in-memory buffer: whatever fails here is the record's content, never the file's I/O.
            throw new DataException(
                    "record " + record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset()
                            + " could not be encoded: " + e.getMessage(),
                    e);
        }
        row.writeTo(file);
    }

    @Override
    public long size() {
        return encoded.count();
    }

    @Override
    public long overheadBytes() {
        return finished ? 0 : overheadBytes;
    }

    @Override
    public void finish() throws IOException {
        if (!finished) {
            finished = true;
            file.close();
        }
    }
}
