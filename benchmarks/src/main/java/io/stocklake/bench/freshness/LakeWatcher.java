package io.stocklake.bench.freshness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stocklake.stack.S3Lake;
import io.stocklake.stack.S3Lake.LakeObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetPartitionsResponse;
import software.amazon.awssdk.services.glue.model.Partition;

/**
 * Watches a table as a reader would: which JSON-lines objects are listed in S3 and which partitions Glue returns,
 * noting the wall-clock time each first appeared, and the event time of every record in the objects.
 */
final class LakeWatcher {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter HIVE_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final S3Lake lake;
    private final String prefix;
    private final GlueClient glue;
    private final String database;
    private final String table;
    private final Set<String> seenKeys = new HashSet<>();
    private final Map<String, Long> partitionSeenAt = new HashMap<>();
    private final List<SeenRecord> records = new ArrayList<>();

    LakeWatcher(S3Lake lake, String prefix, GlueClient glue, String database, String table) {
        this.lake = lake;
        this.prefix = prefix;
        this.glue = glue;
        this.database = database;
        this.table = table;
    }

    /** One look at S3 and at Glue. */
    void poll() {
        long now = System.currentTimeMillis();
        for (LakeObject object : lake.objects(prefix)) {
            if (seenKeys.add(object.key())) {
                String partition = String.join("/", object.partitionValues().values());
                for (long eventTime : eventTimes(lake.read(object.key()))) {
                    records.add(new SeenRecord(eventTime, now, partition));
                }
            }
        }
        try {
            String token = null;
            do {
                String next = token;
                GetPartitionsResponse page = glue.getPartitions(
                        b -> b.databaseName(database).tableName(table).nextToken(next));
                for (Partition partition : page.partitions()) {
                    partitionSeenAt.putIfAbsent(String.join("/", partition.values()), now);
                }
                token = page.nextToken();
            } while (token != null);
        } catch (EntityNotFoundException e) {
            // The table appears with the first file.
        }
    }

    List<SeenRecord> records() {
        return List.copyOf(records);
    }

    /** When Glue first listed the partition, or empty while it has not. */
    OptionalLong partitionSeenAt(String partition) {
        Long at = partitionSeenAt.get(partition);
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    static List<Long> eventTimes(byte[] jsonLines) {
        List<Long> times = new ArrayList<>();
        for (String line : new String(jsonLines, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode row = JSON.readTree(line);
                times.add(LocalDateTime.parse(row.path("event_time").asText(), HIVE_TIMESTAMP)
                        .toInstant(ZoneOffset.UTC)
                        .toEpochMilli());
            } catch (IOException e) {
                throw new UncheckedIOException("Not a JSON line: " + line, e);
            }
        }
        return times;
    }

    /** A record found in S3: its event time, when its object was first listed, and its partition's values. */
    record SeenRecord(long eventTimeMillis, long objectSeenAtMillis, String partition) {}
}
