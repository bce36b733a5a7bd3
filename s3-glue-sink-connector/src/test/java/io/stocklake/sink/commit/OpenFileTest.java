package io.stocklake.sink.commit;

import static io.stocklake.sink.commit.WriterFixture.T0;
import static io.stocklake.sink.commit.WriterFixture.TICK;
import static io.stocklake.sink.commit.WriterFixture.TP0;
import static io.stocklake.sink.commit.WriterFixture.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stocklake.sink.format.FileFormat;
import io.stocklake.sink.format.JsonLinesTestFormat;
import io.stocklake.sink.format.RecordFileWriter;
import io.stocklake.sink.route.Destination;
import io.stocklake.sink.route.PartitionPath;
import io.stocklake.sink.route.PartitionValue;
import io.stocklake.sink.testing.InMemoryObjectStore;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.Test;

class OpenFileTest {

    private static final Destination DESTINATION =
            new Destination("ticks", new PartitionPath(List.of(new PartitionValue("symbol", "AAPL"))));

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final RememberingFormat format = new RememberingFormat();

    @Test
    void aCompletedFileLetsGoOfItsFormatsWriter() {
        OpenFile file = new OpenFile(DESTINATION, "ticks/symbol=AAPL/0.json", TICK, store, format);
        file.write(tick(TP0, 0, "AAPL", T0));

        file.complete();

        assertThat(store.completedKeys()).containsExactly("ticks/symbol=AAPL/0.json");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            System.gc();
            return format.opened.get() == null;
        });
        assertThat(file.records()).isEqualTo(1);
    }

    /** Opens JSON lines writers and remembers the last one weakly, to see whether anything still holds it. */
    private static final class RememberingFormat implements FileFormat {

        private final FileFormat json = new JsonLinesTestFormat();
        private WeakReference<RecordFileWriter> opened = new WeakReference<>(null);

        @Override
        public String extension() {
            return json.extension();
        }

        @Override
        public RecordFileWriter open(Schema valueSchema, OutputStream out) throws IOException {
            RecordFileWriter writer = json.open(valueSchema, out);
            opened = new WeakReference<>(writer);
            return writer;
        }
    }
}
