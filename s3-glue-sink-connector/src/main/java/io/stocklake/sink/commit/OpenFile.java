package io.stocklake.sink.commit;

import io.stocklake.sink.format.FileFormat;
import io.stocklake.sink.format.RecordFileWriter;
import io.stocklake.sink.route.Destination;
import io.stocklake.sink.storage.ObjectStore;
import io.stocklake.sink.storage.ObjectUpload;
import io.stocklake.sink.storage.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;

/** One data file being written: the format's writer on top of the object upload it streams into. */
final class OpenFile {

    private final Destination destination;
    private final String key;
    private final Schema schema;
    private final ObjectUpload upload;
    /** Null once complete: a pending batch keeps its files until every one has landed, but not their buffers. */
    private RecordFileWriter writer;

    private long records;
    private long size;

    OpenFile(Destination destination, String key, Schema schema, ObjectStore store, FileFormat format) {
        this.destination = destination;
        this.key = key;
        this.schema = schema;
        this.upload = store.startUpload(key);
        try {
            this.writer = format.open(schema, upload.stream());
        } catch (IOException e) {
            upload.abort();
            throw new StorageException("opening " + key + " failed", e);
        } catch (RuntimeException e) {
            // A schema the format refuses (DataException): nothing of the upload may stay behind.
            upload.abort();
            throw e;
        }
        this.size = writer.size();
    }

    /** DataException (nothing written) for a record the format cannot encode; StorageException on I/O. */
    void write(SinkRecord record) {
        try {
            writer.write(record);
        } catch (IOException | UncheckedIOException e) {
            throw new StorageException("writing " + key + " failed", e);
        } finally {
            // Read once per record, here: the rotation policy and the memory bound both use it.
            size = writer.size();
        }
        records++;
    }

    /** Writes the trailer and makes the object visible. */
    void complete() {
        try {
            writer.finish();
        } catch (IOException | UncheckedIOException e) {
            throw new StorageException("finishing " + key + " failed", e);
        }
        // A finished writer still holds its encoder's and compressor's buffers (50 to 150 KB a file).
        writer = null;
        upload.complete();
    }

    void abort() {
        upload.abort();
    }

    /**
     * Bytes held in memory: what the format still buffers and its open writer's own overhead, plus what the
     * upload has not sent yet.
     */
    long heldBytes() {
        long overhead = writer == null ? 0 : writer.overheadBytes();
        return Math.max(0, size - upload.bytesWritten()) + overhead + upload.heldBytes();
    }

    long records() {
        return records;
    }

    /** Bytes the file's writer has encoded, as of the last write. */
    long size() {
        return size;
    }

    Schema schema() {
        return schema;
    }

    Destination destination() {
        return destination;
    }

    String key() {
        return key;
    }
}
