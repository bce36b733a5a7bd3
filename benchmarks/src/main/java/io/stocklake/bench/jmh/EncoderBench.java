package io.stocklake.bench.jmh;

import io.stocklake.sink.format.FileFormat;
import io.stocklake.sink.format.FileFormats;
import io.stocklake.sink.format.RecordFileWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.sink.SinkRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Records per second one file writer of the sink encodes: a whole file of {@value #FILE_RECORDS} ticks per
 * invocation (open, write, finish), into a stream that only counts bytes, so S3 and Kafka are out of the figure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EncoderBench {

    static final int FILE_RECORDS = 10_000;

    /** format/compression as the sink's configuration names them. */
    @Param({"json/none", "csv/none", "parquet/snappy", "parquet/zstd"})
    public String format;

    private FileFormat fileFormat;
    private List<SinkRecord> records;

    @Setup
    public void prepare() {
        String[] parts = format.split("/");
        fileFormat = FileFormats.create(parts[0], parts[1]);
        records = SimulatedTicks.asSinkRecords(FILE_RECORDS);
    }

    @Benchmark
    @OperationsPerInvocation(FILE_RECORDS)
    public long writeFile() throws IOException {
        CountingSink out = new CountingSink();
        RecordFileWriter writer = fileFormat.open(records.get(0).valueSchema(), out);
        for (SinkRecord record : records) {
            writer.write(record);
        }
        writer.finish();
        return out.bytes;
    }

    /** Discards what it is given and counts it. */
    static final class CountingSink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
