package io.stocklake.sink.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What every format promises its caller, whatever it writes. */
class RecordFileWriterContractTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "json, none",
        "json, gzip",
        "json, zstd",
        "csv, none",
        "csv, gzip",
        "csv, zstd",
        "parquet, none",
        "parquet, snappy",
        "parquet, gzip",
        "parquet, zstd"
    })
    void finishLeavesTheStreamOpen(String format, String compression) throws IOException {
        CloseRecordingStream out = new CloseRecordingStream(new ByteArrayOutputStream());
        RecordFileWriter writer = FileFormats.create(format, compression).open(StockTicks.SCHEMA, out);
        writer.write(StockTicks.record(StockTicks.sample().get(0), 0));

        writer.finish();

        assertThat(out.closed).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "json, none",
        "json, gzip",
        "json, zstd",
        "csv, none",
        "csv, gzip",
        "csv, zstd",
        "parquet, none",
        "parquet, snappy",
        "parquet, gzip",
        "parquet, zstd"
    })
    void sizeAfterFinishIsTheFileSize(String format, String compression) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordFileWriter writer = FileFormats.create(format, compression).open(StockTicks.SCHEMA, out);
        for (var record : StockTicks.records(StockTicks.sample())) {
            writer.write(record);
        }

        writer.finish();

        assertThat(writer.size()).isEqualTo(out.size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"json", "csv"})
    void sizeOfUncompressedTextIsExactWhileWriting(String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordFileWriter writer = FileFormats.create(format, "none").open(StockTicks.SCHEMA, out);

        writer.write(StockTicks.record(StockTicks.sample().get(0), 0));

        assertThat(writer.size()).isPositive().isEqualTo(out.size());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "json, none",
        "json, gzip",
        "json, zstd",
        "csv, none",
        "csv, gzip",
        "csv, zstd",
        "parquet, none",
        "parquet, snappy",
        "parquet, gzip",
        "parquet, zstd"
    })
    void anOpenWriterReportsOverheadAndAFinishedOneNone(String format, String compression) throws IOException {
        RecordFileWriter writer =
                FileFormats.create(format, compression).open(StockTicks.SCHEMA, new ByteArrayOutputStream());
        writer.write(StockTicks.record(StockTicks.sample().get(0), 0));
        long open = writer.overheadBytes();

        writer.finish();

        assertThat(open).isPositive();
        assertThat(writer.overheadBytes()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"json", "csv"})
    void compressedTextCountsTheCompressorsBuffers(String format) throws IOException {
        long plain = FileFormats.create(format, "none")
                .open(StockTicks.SCHEMA, new ByteArrayOutputStream())
                .overheadBytes();
        long gzip = FileFormats.create(format, "gzip")
                .open(StockTicks.SCHEMA, new ByteArrayOutputStream())
                .overheadBytes();
        long zstd = FileFormats.create(format, "zstd")
                .open(StockTicks.SCHEMA, new ByteArrayOutputStream())
                .overheadBytes();

        assertThat(gzip).isGreaterThan(plain);
        assertThat(zstd).isGreaterThan(plain);
    }

    private static final class CloseRecordingStream extends FilterOutputStream {
        boolean closed;

        CloseRecordingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
