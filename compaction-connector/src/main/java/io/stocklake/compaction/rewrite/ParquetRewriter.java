package io.stocklake.compaction.rewrite;

import io.stocklake.compaction.plan.PartitionRef;
import io.stocklake.sink.config.Compression;
import io.stocklake.sink.format.FileFormat;
import io.stocklake.sink.format.FileFormats;
import io.stocklake.sink.format.RecordFileWriter;
import io.stocklake.sink.storage.ObjectStore;
import io.stocklake.sink.storage.ObjectUpload;
import io.stocklake.sink.storage.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Rewrites a partition's Parquet files into files of about the target size, each sorted by the sort columns and
 * written with the table's current schema by the sink's own Parquet encoder, compressed with the codec the newest
 * input has (the table's). Inputs are read in the order given until they hold the target size, sorted, written; so
 * memory holds about one output file's rows, and the same inputs always give the same files.
 */
public final class ParquetRewriter implements Rewriter {

    /** Settings of the files written. */
    public record Output(long targetBytes, long rowGroupBytes, List<String> sortColumns) {}

    private final ObjectStore store;
    private final Function<String, Schema> schemas;
    private final Output output;

    /** @param schemas the current schema of a table, by name ({@link TableSchema}) */
    public ParquetRewriter(ObjectStore store, Function<String, Schema> schemas, Output output) {
        this.store = store;
        this.schemas = schemas;
        this.output = output;
    }

    @Override
    public List<String> rewrite(PartitionRef partition, List<String> inputs, String folder) {
        Schema schema = schemas.apply(partition.table());
        Comparator<Struct> order = RowOrder.of(schema, output.sortColumns());
        Writer writer = new Writer(folder, schema);
        List<Struct> rows = new ArrayList<>();
        long bytes = 0;
        try {
            for (String key : inputs) {
                byte[] file = store.get(key);
                CompressionCodecName codec = ParquetRows.codec(file);
                if (codec != null) {
                    writer.codec = codec;
                }
                ParquetRows.read(file, schema, rows::add);
                bytes += file.length;
                if (bytes >= output.targetBytes()) {
                    writer.write(rows, order);
                    rows.clear();
                    bytes = 0;
                }
            }
            writer.write(rows, order);
            writer.close();
        } catch (IOException e) {
            writer.abort();
            throw new StorageException("rewriting partition " + partition + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            writer.abort();
            throw e;
        }
        removeStrays(folder, writer.written);
        return List.copyOf(writer.written);
    }

    /** A folder holds exactly the files of its generation: anything else there would be read twice. */
    private void removeStrays(String folder, List<String> written) {
        Set<String> keep = new HashSet<>(written);
        List<String> strays =
                store.list(folder).stream().filter(k -> !keep.contains(k)).toList();
        if (!strays.isEmpty()) {
            store.delete(strays);
        }
    }

    /** Rolls output files at the target size. */
    private final class Writer {
        private final String folder;
        private final Schema schema;
        private final List<String> written = new ArrayList<>();
        private CompressionCodecName codec = CompressionCodecName.SNAPPY;
        private ObjectUpload upload;
        private RecordFileWriter file;
        private long offset;

        Writer(String folder, Schema schema) {
            this.folder = folder;
            this.schema = schema;
        }

        void write(List<Struct> rows, Comparator<Struct> order) throws IOException {
            rows.sort(order);
            for (Struct row : rows) {
                if (file == null) {
                    open();
                }
                file.write(new SinkRecord(schema.name(), 0, null, null, schema, row, offset++));
                if (file.size() >= output.targetBytes()) {
                    close();
                }
            }
            // Each sorted run ends its file, so every file is sorted throughout.
            close();
        }

        private void open() throws IOException {
            String key = folder + String.format("part-%05d.parquet", written.size());
            upload = store.startUpload(key);
            FileFormat format = FileFormats.parquet(compression(codec), output.rowGroupBytes());
            file = format.open(schema, upload.stream());
            written.add(key);
        }

        void close() throws IOException {
            if (file != null) {
                file.finish();
                upload.complete();
                file = null;
                upload = null;
            }
        }

        void abort() {
            if (upload != null) {
                upload.abort();
            }
        }
    }

    private static Compression compression(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED -> Compression.NONE;
            case GZIP -> Compression.GZIP;
            case ZSTD -> Compression.ZSTD;
            case SNAPPY -> Compression.SNAPPY;
            default ->
                throw new UncheckedIOException(
                        new IOException("Parquet codec " + codec + " is not one the sink writes"));
        };
    }
}
