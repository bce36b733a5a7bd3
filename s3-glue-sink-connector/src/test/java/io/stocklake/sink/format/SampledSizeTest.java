package io.stocklake.sink.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class SampledSizeTest {

    /** An exact size: 4 bytes when empty, then what each record adds; counts how often it is read. */
    private static final class Exact implements LongSupplier {
        long bytes = 4;
        int reads;

        @Override
        public long getAsLong() {
            reads++;
            return bytes;
        }
    }

    private static void write(Exact exact, SampledSize size, int records, long bytesEach) {
        for (int i = 0; i < records; i++) {
            exact.bytes += bytesEach;
            size.recordWritten();
        }
    }

    @Test
    void startsAtTheExactSizeOfTheEmptyFile() {
        SampledSize size = new SampledSize(new Exact());

        assertThat(size.bytes()).isEqualTo(4);
    }

    @Test
    void smallRecordsAreReadExactlyOnlyEverySixtyFourth() {
        Exact exact = new Exact();
        SampledSize size = new SampledSize(exact);

        write(exact, size, 6_401, 100);

        // One read when opened, one after the first record, then one per 64 records.
        assertThat(exact.reads).isEqualTo(2 + 100);
        assertThat(size.bytes()).isEqualTo(4 + 6_401 * 100);
    }

    @Test
    void betweenReadsTheSizeGrowsAtTheLastReadsBytesPerRecord() {
        Exact exact = new Exact();
        SampledSize size = new SampledSize(exact);
        write(exact, size, 65, 100); // read at record 65: 6,504 bytes

        write(exact, size, 10, 300);

        assertThat(size.bytes()).isEqualTo(6_504 + 10 * 6_504 / 65);
    }

    @Test
    void theNextReadCatchesUpWithTheExactSize() {
        Exact exact = new Exact();
        SampledSize size = new SampledSize(exact);
        write(exact, size, 65, 100);

        write(exact, size, 64, 300);

        assertThat(size.bytes()).isEqualTo(6_504 + 64 * 300);
    }

    @Test
    void recordsTheSizeOfTheReadSpacingAreReadExactlyEveryTime() {
        Exact exact = new Exact();
        SampledSize size = new SampledSize(exact);

        for (int i = 1; i <= 50; i++) {
            write(exact, size, 1, SampledSize.BYTES_BETWEEN_READS);
            assertThat(size.bytes()).isEqualTo(4 + i * SampledSize.BYTES_BETWEEN_READS);
        }
        assertThat(exact.reads).isEqualTo(1 + 50);
    }
}
