package io.stocklake.bench.freshness;

import io.stocklake.bench.freshness.LakeRows.Row;
import io.stocklake.stack.S3Lake;
import io.stocklake.stack.S3Lake.LakeObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetPartitionsResponse;
import software.amazon.awssdk.services.glue.model.Partition;

/**
 * Watches a table as a reader would. Each look asks Glue for the partitions and their locations, lists the table's
 * objects in S3, and reads each object the first time it lies directly in a partition's current location (the
 * sink's folder, or a compacted generation after a swap; names starting with {@code _} or {@code .} left out, as
 * readers leave them out). A record is queryable from the first look that finds it so; it is noted once per
 * identity, with when its object was first listed.
 */
public final class LakeWatcher {

    /** The folder of a partition's compacted generations, inside the sink's partition folder. */
    private static final String COMPACTED = "/_compacted/";

    private final S3Lake lake;
    private final String prefix;
    private final GlueClient glue;
    private final String database;
    private final String table;
    private final String scheme;
    private final Map<String, Long> listedAt = new HashMap<>();
    private final Set<String> read = new HashSet<>();
    private final Map<String, String> locations = new HashMap<>();
    private final Map<Long, SeenRecord> records = new HashMap<>();
    private int locationChanges;
    private long newestEventTime = Long.MIN_VALUE;

    /** Watches {@code table}, whose objects lie under {@code prefix} (e.g. {@code topics/stock_ticks/}). */
    public LakeWatcher(S3Lake lake, String prefix, GlueClient glue, String database, String table) {
        this.lake = lake;
        this.prefix = prefix;
        this.glue = glue;
        this.database = database;
        this.table = table;
        this.scheme = "s3://" + lake.bucket() + "/";
    }

    /** One look at Glue and at S3. */
    public void poll() {
        long now = System.currentTimeMillis();
        Set<String> current = currentLocations();
        for (LakeObject object : lake.objects(prefix)) {
            String key = object.key();
            listedAt.putIfAbsent(key, now);
            String name = object.fileName();
            String folder = key.substring(0, key.length() - name.length());
            if (current.contains(folder) && !name.startsWith("_") && !name.startsWith(".") && read.add(key)) {
                long listed = listedAt.get(key);
                boolean compacted = folder.contains(COMPACTED);
                for (Row row : LakeRows.read(key, lake.read(key))) {
                    records.putIfAbsent(row.identity(), new SeenRecord(row.eventTimeMillis(), listed, now, compacted));
                    newestEventTime = Math.max(newestEventTime, row.eventTimeMillis());
                }
            }
        }
    }

    /** Every record seen queryable so far, once each. */
    public List<SeenRecord> records() {
        return new ArrayList<>(records.values());
    }

    /** The latest event time of the records seen queryable, {@link Long#MIN_VALUE} before the first. */
    public long newestEventTimeMillis() {
        return newestEventTime;
    }

    /** How often a partition's location changed between two looks: the swaps to a new compacted generation seen. */
    public int locationChanges() {
        return locationChanges;
    }

    /** The folders (keys ending in {@code /}) Glue points the table's partitions at now. */
    private Set<String> currentLocations() {
        Set<String> folders = new HashSet<>();
        try {
            String token = null;
            do {
                String next = token;
                GetPartitionsResponse page = glue.getPartitions(b -> b.databaseName(database)
                        .tableName(table)
                        .excludeColumnSchema(true)
                        .nextToken(next));
                for (Partition partition : page.partitions()) {
                    String location = partition.storageDescriptor().location();
                    String folder = location.startsWith(scheme) ? location.substring(scheme.length()) : location;
                    folder = folder.endsWith("/") ? folder : folder + "/";
                    folders.add(folder);
                    String previous = locations.put(String.join("/", partition.values()), folder);
                    if (previous != null && !previous.equals(folder)) {
                        locationChanges++;
                    }
                }
                token = page.nextToken();
            } while (token != null);
        } catch (EntityNotFoundException e) {
            // The table appears with the first file.
        }
        return folders;
    }

    /**
     * A record seen queryable: its event time, when the object it was first read from was first listed, the look
     * that first found that object in its partition's current location, and whether that location was a compacted
     * generation (the sink's copy there, or a compacted file) rather than the sink's own folder.
     */
    public record SeenRecord(
            long eventTimeMillis, long objectListedAtMillis, long queryableAtMillis, boolean inCompactedGeneration) {}
}
