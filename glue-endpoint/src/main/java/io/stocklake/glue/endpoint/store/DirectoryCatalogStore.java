package io.stocklake.glue.endpoint.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * JSON files in a directory, one per database, table and partition, each replaced by an atomic rename so a
 * reader (or a restart) never sees half a file:
 *
 * <pre>
 * databases/&lt;database&gt;/database.json
 * databases/&lt;database&gt;/tables/&lt;table&gt;/table.json
 * databases/&lt;database&gt;/tables/&lt;table&gt;/partitions/&lt;sha-256 of the values&gt;.json
 * </pre>
 *
 * One file per partition keeps a registration O(1) however many partitions a table has. Names are
 * percent-encoded into file names, so no name can leave the directory. Removed directories are first renamed
 * aside, so a crash mid-delete leaves no half table behind; leftovers are cleaned on load. Files are not
 * fsync'ed: the state survives a process restart, not a power loss.
 */
public final class DirectoryCatalogStore implements CatalogStore {
    private static final String DATABASE_FILE = "database.json";
    private static final String TABLE_FILE = "table.json";
    private static final String TEMPORARY = ".tmp-";
    private static final String REMOVED = ".removed-";

    private final Path databases;
    private final ObjectMapper mapper;

    public DirectoryCatalogStore(Path directory, ObjectMapper mapper) {
        this.databases = directory.resolve("databases");
        this.mapper = mapper;
        try {
            Files.createDirectories(databases);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the catalog directory " + databases, e);
        }
    }

    @Override
    public List<StoredDatabase> load() {
        try {
            List<StoredDatabase> loaded = new ArrayList<>();
            for (Path databaseDir : children(databases)) {
                children(databaseDir);
                Path file = databaseDir.resolve(DATABASE_FILE);
                if (Files.isRegularFile(file)) {
                    loaded.add(new StoredDatabase(read(file), loadTables(databaseDir.resolve("tables"))));
                }
            }
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the catalog from " + databases, e);
        }
    }

    private List<StoredTable> loadTables(Path tablesDir) throws IOException {
        List<StoredTable> tables = new ArrayList<>();
        for (Path tableDir : children(tablesDir)) {
            children(tableDir);
            Path file = tableDir.resolve(TABLE_FILE);
            if (Files.isRegularFile(file)) {
                List<ObjectNode> partitions = new ArrayList<>();
                for (Path partitionFile : children(tableDir.resolve("partitions"))) {
                    partitions.add(read(partitionFile));
                }
                tables.add(new StoredTable(read(file), partitions));
            }
        }
        return tables;
    }

    /** The live entries of a directory, after removing what an interrupted write or delete left behind. */
    private List<Path> children(Path directory) throws IOException {
        List<Path> live = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return live;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.contains(TEMPORARY) || name.contains(REMOVED)) {
                    deleteRecursively(entry);
                } else {
                    live.add(entry);
                }
            }
        }
        live.sort(Comparator.naturalOrder());
        return live;
    }

    @Override
    public void putDatabase(String database, ObjectNode json) {
        write(databaseDir(database).resolve(DATABASE_FILE), json);
    }

    @Override
    public void removeDatabase(String database) {
        removeDirectory(databaseDir(database));
    }

    @Override
    public void putTable(String database, String table, ObjectNode json) {
        write(tableDir(database, table).resolve(TABLE_FILE), json);
    }

    @Override
    public void removeTable(String database, String table) {
        removeDirectory(tableDir(database, table));
    }

    @Override
    public void putPartition(String database, String table, List<String> values, ObjectNode json) {
        write(partitionFile(database, table, values), json);
    }

    @Override
    public void removePartition(String database, String table, List<String> values) {
        try {
            Files.deleteIfExists(partitionFile(database, table, values));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path databaseDir(String database) {
        return databases.resolve(fileName(database));
    }

    private Path tableDir(String database, String table) {
        return databaseDir(database).resolve("tables").resolve(fileName(table));
    }

    private Path partitionFile(String database, String table, List<String> values) {
        return tableDir(database, table).resolve("partitions").resolve(sha256(values) + ".json");
    }

    private void write(Path file, ObjectNode json) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + TEMPORARY + UUID.randomUUID());
            Files.write(temporary, mapper.writeValueAsBytes(json));
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private ObjectNode read(Path file) throws IOException {
        try {
            return (ObjectNode) mapper.readTree(file.toFile());
        } catch (IOException | ClassCastException e) {
            throw new IOException("Corrupt catalog file " + file, e);
        }
    }

    private void removeDirectory(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try {
            Path aside = directory.resolveSibling(directory.getFileName() + REMOVED + UUID.randomUUID());
            Files.move(directory, aside, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(aside);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + directory, e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    /**
     * A name as a portable file name: lower-case letters, digits, '_' and '-' kept, every other byte %XX, so no
     * name can climb out ('.', '/') and no two names collide on a case-insensitive file system.
     */
    static String fileName(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return encoded.toString();
    }

    private String sha256(List<String> values) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(mapper.writeValueAsBytes(values));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
