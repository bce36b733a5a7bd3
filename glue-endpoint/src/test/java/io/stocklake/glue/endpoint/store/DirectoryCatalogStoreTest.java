package io.stocklake.glue.endpoint.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryCatalogStoreTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void whatIsPutIsLoadedBack() {
        DirectoryCatalogStore store = new DirectoryCatalogStore(directory, mapper);
        store.putDatabase("market", named("market"));
        store.putTable("market", "ticks", named("ticks"));
        store.putPartition("market", "ticks", List.of("2026-11-24", "03"), partition("2026-11-24", "03"));

        List<StoredDatabase> loaded = new DirectoryCatalogStore(directory, mapper).load();

        assertThat(loaded).singleElement().satisfies(database -> {
            assertThat(database.json()).isEqualTo(named("market"));
            assertThat(database.tables()).singleElement().satisfies(table -> {
                assertThat(table.json()).isEqualTo(named("ticks"));
                assertThat(table.partitions()).containsExactly(partition("2026-11-24", "03"));
            });
        });
    }

    @Test
    void removingATableRemovesItsPartitions() {
        DirectoryCatalogStore store = new DirectoryCatalogStore(directory, mapper);
        store.putDatabase("market", named("market"));
        store.putTable("market", "ticks", named("ticks"));
        store.putPartition("market", "ticks", List.of("2026-11-24", "03"), partition("2026-11-24", "03"));

        store.removeTable("market", "ticks");
        store.putTable("market", "ticks", named("ticks"));

        assertThat(store.load().get(0).tables().get(0).partitions()).isEmpty();
    }

    @Test
    void namesCannotEscapeTheDirectory() throws IOException {
        DirectoryCatalogStore store = new DirectoryCatalogStore(directory.resolve("catalog"), mapper);

        store.putDatabase("../../escape", named("../../escape"));

        try (Stream<Path> files = Files.walk(directory)) {
            assertThat(files.filter(Files::isRegularFile).toList())
                    .singleElement()
                    .satisfies(file -> assertThat(file.startsWith(directory.resolve("catalog/databases")))
                            .isTrue());
        }
        assertThat(DirectoryCatalogStore.fileName("../a.b/C")).isEqualTo("%2E%2E%2Fa%2Eb%2F%43");
    }

    @Test
    void leftoversOfInterruptedWritesAreIgnoredAndCleaned() throws IOException {
        DirectoryCatalogStore store = new DirectoryCatalogStore(directory, mapper);
        store.putDatabase("market", named("market"));
        Path leftover = directory.resolve("databases/market/database.json.tmp-123");
        Files.writeString(leftover, "{\"Name\":\"half");

        List<StoredDatabase> loaded = store.load();

        assertThat(loaded).singleElement().satisfies(d -> assertThat(d.json()).isEqualTo(named("market")));
        assertThat(leftover).doesNotExist();
    }

    private ObjectNode named(String name) {
        return mapper.createObjectNode().put("Name", name);
    }

    private ObjectNode partition(String dt, String hour) {
        ObjectNode partition = mapper.createObjectNode();
        partition.putArray("Values").add(dt).add(hour);
        return partition;
    }
}
