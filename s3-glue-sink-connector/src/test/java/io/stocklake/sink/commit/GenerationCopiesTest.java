package io.stocklake.sink.commit;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.sink.route.Destination;
import io.stocklake.sink.route.ObjectLayout;
import io.stocklake.sink.route.PartitionPath;
import io.stocklake.sink.route.PartitionValue;
import io.stocklake.sink.testing.InMemoryObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sink's copies of a file into the folders readers of a compacted partition see, as the state names them. */
class GenerationCopiesTest {

    private static final ObjectLayout LAYOUT = new ObjectLayout("lake", "topics");
    private static final Destination HOUR = new Destination(
            "ticks",
            new PartitionPath(List.of(new PartitionValue("dt", "2026-11-24"), new PartitionValue("hour", "03"))));
    private static final String BASE = "topics/ticks/dt=2026-11-24/hour=03/";
    private static final String KEY = BASE + "ticks+0+00000000000000000020.parquet";
    private static final String NAME = "ticks+0+00000000000000000020.parquet";
    private static final String CURRENT = BASE + "_compacted/g000001-a1/";
    private static final String CLAIMED = BASE + "_compacted/g000002-b7/";

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final GenerationCopies copies = new GenerationCopies(store, LAYOUT);

    @Test
    void aPartitionNeverCompactedGetsNoCopy() {
        store.put(KEY, bytes("rows"));

        copies.publish(HOUR, KEY);

        assertThat(store.objects()).containsOnlyKeys(KEY);
    }

    @Test
    void aFileOfACompactedPartitionIsCopiedIntoTheCurrentGeneration() {
        store.put(KEY, bytes("rows"));
        state("{\"generation\":1,\"location\":\"" + CURRENT + "\",\"outputs\":[\"" + CURRENT
                + "part-00000.parquet\"],\"folded\":[],\"pending\":null,\"retired\":[],\"unknown\":{\"a\":[1]}}");

        copies.publish(HOUR, KEY);

        assertThat(store.objects().get(CURRENT + NAME)).isEqualTo(bytes("rows"));
    }

    @Test
    void whileACompactionIsClaimedTheFileIsCopiedIntoTheClaimedGenerationToo() {
        store.put(KEY, bytes("rows"));
        state("{\"generation\":1,\"location\":\"" + CURRENT + "\",\"folded\":[],\"pending\":{\"generation\":2,"
                + "\"attempt\":\"b7\",\"owner\":\"x\",\"claimedAt\":1,\"inputs\":[\"" + CURRENT
                + "part-00000.parquet\"],\"fresh\":[],\"outputs\":null}}");

        copies.publish(HOUR, KEY);

        assertThat(store.objects()).containsKeys(CURRENT + NAME, CLAIMED + NAME);
    }

    @Test
    void aFileTheClaimedCompactionFoldsIsNotCopiedIntoItsGeneration() {
        store.put(KEY, bytes("rows"));
        state("{\"generation\":1,\"location\":\"" + CURRENT + "\",\"folded\":[],\"pending\":{\"generation\":2,"
                + "\"attempt\":\"b7\",\"owner\":\"x\",\"claimedAt\":1,\"inputs\":[\"" + KEY + "\"],\"fresh\":[\""
                + KEY + "\"],\"outputs\":null}}");

        copies.publish(HOUR, KEY);

        assertThat(store.objects()).containsKey(CURRENT + NAME).doesNotContainKey(CLAIMED + NAME);
    }

    @Test
    void aFileAlreadyFoldedIsNotCopiedAnywhere() {
        store.put(KEY, bytes("rows"));
        state("{\"generation\":1,\"location\":\"" + CURRENT + "\",\"folded\":[\"" + KEY + "\"],\"pending\":null}");

        copies.publish(HOUR, KEY);

        assertThat(store.objects()).containsOnlyKeys(KEY, BASE + "_compacted/state.json");
    }

    private void state(String json) {
        store.put(BASE + "_compacted/state.json", bytes(json));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
