package io.stocklake.sink.format;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;

/**
 * Writes one Parquet file. Rows collect in an in-memory row group until it reaches its size, so
 * {@link #size()} includes that buffered group. Built only from Hadoop-free parts of parquet-hadoop: an
 * {@link org.apache.parquet.io.OutputFile}, a {@link PlainParquetConfiguration} and {@link ParquetCompressors}.
 */
final class ParquetRecordFileWriter implements RecordFileWriter {

    private final StructWriteSupport structs;
    private final StreamOutputFile file;
    private final ParquetWriter<Struct> writer;
    private final long overheadBytes;
    private final SampledSize size;
    private boolean finished;

    ParquetRecordFileWriter(Schema valueSchema, CompressionCodecName codec, long rowGroupBytes, OutputStream out)
            throws IOException {
        MessageType parquetSchema = ParquetSchemas.of(valueSchema);
        this.structs = new StructWriteSupport(valueSchema, parquetSchema);
        this.file = new StreamOutputFile(out);
        StructWriteSupport.Builder builder = new StructWriteSupport.Builder(file, structs)
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(new ParquetCompressors())
                .withCompressionCodec(codec)
                .withRowGroupSize(rowGroupBytes)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                // Dictionaries cost every open column their buffers: only where they pay.
                .withDictionaryEncoding(false);
        for (String column : ParquetDictionaryColumns.of(parquetSchema)) {
            builder.withDictionaryEncoding(column, true);
        }
        this.writer = builder.build();
        this.overheadBytes = ParquetWriterFootprint.of(parquetSchema);
        this.size = new SampledSize(writer::getDataSize);
    }

    @Override
    public void write(SinkRecord record) throws IOException {
        if (finished) {
            throw new IllegalStateException("file already finished");
        }
        // Checked whole first: the column buffers cannot take back half a record.
        Struct checked;
        try {
            checked = structs.check(record.value());
        } catch (DataException e) {
            throw e;
        } catch (RuntimeException e) {
            // Checking reads nothing but the record: what fails here is its content.
            throw new DataException(
                    "record " + record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset()
                            + " could not be checked: " + e.getMessage(),
                    e);
        }
        writer.write(checked);
        size.recordWritten();
    }

    @Override
    public long size() {
        // Once finished, exact and with the footer.
        return finished ? file.position() : size.bytes();
    }

    @Override
    public long overheadBytes() {
        return finished ? 0 : overheadBytes;
    }

    @Override
    public void finish() throws IOException {
        if (!finished) {
            finished = true;
            writer.close();
        }
    }
}
