package io.stocklake.sink.commit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.stocklake.sink.route.Destination;
import io.stocklake.sink.route.ObjectLayout;
import io.stocklake.sink.storage.ObjectStore;
import io.stocklake.sink.storage.StorageException;
import io.stocklake.sink.storage.VersionedObject;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Makes a file of a compacted partition readable at once. Compaction moves a partition's readers to a generation
 * folder inside it; the sink keeps writing into the partition folder (its keys, and so its replays, never change),
 * and after a file is uploaded, before its batch lands, this puts a copy under the same name where readers look.
 *
 * <p>The partition's compaction state says where that is: its current generation and, while a compaction is
 * claimed, the folder of the next one. A compactor writes its claim before it lists the current folder to carry
 * the files it does not fold into the next generation. So if the state read here shows no claim, a later claim's
 * listing finds the copy just made; if it shows one, the copy also goes to the claimed folder. The state is read
 * again after every copy, until it names no folder this file is missing from: a swap in between is never missed.
 *
 * <p>A file the state names as folded (its records are in the generation) or as an input of the claimed
 * compaction (they will be) is not copied there: that is what keeps a stale writer, whose replaced batch
 * completes late, from doubling rows. Compaction folds only files below the boundary log's landed offset, which
 * no replay rewrites.
 */
public final class GenerationCopies {

    /** Rounds of copying before giving up: each round means a compaction swapped meanwhile. */
    private static final int ROUNDS = 8;

    private static final JsonFactory JSON = new JsonFactory();

    private final ObjectStore store;
    private final ObjectLayout layout;

    public GenerationCopies(ObjectStore store, ObjectLayout layout) {
        this.store = store;
        this.layout = layout;
    }

    void publish(OpenFile file) {
        publish(file.destination(), file.key());
    }

    /** Copies {@code key}, a file the sink has just written into its partition folder, where readers look. */
    public void publish(Destination destination, String key) {
        String stateKey = layout.compactionStateKey(destination);
        String compacted = layout.compactedPrefix(destination);
        String name = ObjectLayout.fileName(key);
        Set<String> copied = new HashSet<>();
        byte[] content = null;
        for (int round = 0; round < ROUNDS; round++) {
            VersionedObject object = store.read(stateKey);
            if (object == null) {
                return;
            }
            Set<String> missing = Readers.parse(object.content(), compacted).foldersMissing(key, name);
            missing.removeAll(copied);
            if (missing.isEmpty()) {
                return;
            }
            if (content == null) {
                content = store.get(key);
            }
            for (String folder : missing) {
                store.put(folder + name, content);
                copied.add(folder);
            }
        }
        throw new StorageException(
                "compaction moved " + destination + " " + ROUNDS + " times while " + key + " was copied there", null);
    }

    /**
     * What the sink needs of a compaction state: the current generation's folder (null while readers read the
     * partition folder), the claimed generation's folder (null when none), the folded files' keys (in the partition
     * folder) and the claimed compaction's inputs' names.
     */
    record Readers(String location, String claimed, Set<String> folded, Set<String> claimedInputs) {

        /** The folders readers see or are about to see that lack the file, and should have it. */
        Set<String> foldersMissing(String key, String name) {
            Set<String> folders = new LinkedHashSet<>();
            if (folded.contains(key)) {
                return folders;
            }
            if (location != null) {
                folders.add(location);
            }
            if (claimed != null && !claimedInputs.contains(name)) {
                folders.add(claimed);
            }
            return folders;
        }

        static Readers parse(byte[] content, String compactedPrefix) {
            String location = null;
            Set<String> folded = new HashSet<>();
            String claimed = null;
            Set<String> inputs = new HashSet<>();
            try (JsonParser json = JSON.createParser(content)) {
                expect(json.nextToken(), JsonToken.START_OBJECT);
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String field = json.currentName();
                    JsonToken value = json.nextToken();
                    switch (field) {
                        case "location" -> location = value == JsonToken.VALUE_NULL ? null : json.getText();
                        case "folded" -> strings(json, value, folded, false);
                        case "pending" -> {
                            if (value == JsonToken.START_OBJECT) {
                                int generation = -1;
                                String attempt = null;
                                while (json.nextToken() == JsonToken.FIELD_NAME) {
                                    String inner = json.currentName();
                                    JsonToken innerValue = json.nextToken();
                                    switch (inner) {
                                        case "generation" -> generation = json.getIntValue();
                                        case "attempt" -> attempt = json.getText();
                                        case "inputs" -> strings(json, innerValue, inputs, true);
                                        default -> json.skipChildren();
                                    }
                                }
                                if (generation < 0 || attempt == null) {
                                    throw new IOException("a claim without its generation or attempt");
                                }
                                claimed = ObjectLayout.generationFolder(compactedPrefix, generation, attempt);
                            }
                        }
                        default -> json.skipChildren();
                    }
                }
            } catch (IOException e) {
                throw new StorageException("the compaction state is not readable: " + e.getMessage(), e);
            }
            return new Readers(location, claimed, folded, inputs);
        }

        private static void strings(JsonParser json, JsonToken start, Set<String> into, boolean names)
                throws IOException {
            if (start == JsonToken.VALUE_NULL) {
                return;
            }
            expect(start, JsonToken.START_ARRAY);
            while (json.nextToken() == JsonToken.VALUE_STRING) {
                into.add(names ? ObjectLayout.fileName(json.getText()) : json.getText());
            }
        }

        private static void expect(JsonToken found, JsonToken wanted) throws IOException {
            if (found != wanted) {
                throw new IOException("expected " + wanted + ", found " + found);
            }
        }
    }
}
