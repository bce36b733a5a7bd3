package io.stocklake.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stocklake.stack.S3Lake;
import io.stocklake.stack.S3Lake.LakeObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Matches the JSON lines objects of one sink table against the Kafka records they were written from: every
 * (topic, partition, offset) must be in exactly one line.
 *
 * <p>Lines carry no offsets, so each object is placed by its key ({@code <topic>+<partition>+<start offset>}) and
 * folder: its lines must be, in order, records of that partition and folder from the start offset on, recognised by
 * identity fields (such as a tick's {@code symbol} and {@code seq}). The order resolves records a producer sent
 * twice, so an at-least-once topic with duplicate payloads is audited as exactly as any other; records skipped in
 * that order (bad records sent to a dead letter queue) must simply be in no object.
 *
 * @param topicRecords records of the topic (as the caller read them: read_committed for transactional topics)
 * @param duplicatedIdentities identities found at more than one offset of the topic (a producer's duplicates)
 * @param missing records in no line, as {@code partition@offset}
 * @param duplicated records in more than one line, with their count
 * @param unknown lines that match no record of their object's partition
 * @param misplaced lines whose record belongs in another folder
 * @param misnamed objects whose first line is not the record at the offset in their name
 */
public record LakeAudit(
        int topicRecords,
        Set<String> duplicatedIdentities,
        Set<String> missing,
        Map<String, Integer> duplicated,
        List<String> unknown,
        List<String> misplaced,
        List<String> misnamed) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN = 10;
    private static final DateTimeFormatter HOURLY =
            DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd'/hour='HH").withZone(ZoneOffset.UTC);

    /** The sink's default folders: {@code dt=yyyy-MM-dd/hour=HH} of the record timestamp, in UTC. */
    public static String hourlyFolder(ConsumerRecord<String, String> record) {
        return HOURLY.format(Instant.ofEpochMilli(record.timestamp()));
    }

    /**
     * Audits the objects under {@code tablePrefix} (ending in {@code /}) against {@code records} of one topic whose
     * values are JsonConverter envelopes ({@code {"schema":..., "payload":...}}) or plain JSON objects.
     *
     * @param folder the folder under the table a record belongs in, e.g. {@link #hourlyFolder}
     * @param identityFields fields that tell records apart, present in the value and in the line
     */
    public static LakeAudit of(
            List<ConsumerRecord<String, String>> records,
            S3Lake lake,
            String tablePrefix,
            Function<ConsumerRecord<String, String>, String> folder,
            String... identityFields) {
        Map<Integer, Map<String, NavigableMap<Long, String>>> byFolder = new HashMap<>();
        Map<Integer, Map<String, Long>> firstOffsetOf = new HashMap<>();
        Map<String, Integer> identityCounts = new HashMap<>();
        String topic = null;
        for (ConsumerRecord<String, String> record : records) {
            topic = record.topic();
            String identity = identity(payload(record.value()), identityFields);
            byFolder.computeIfAbsent(record.partition(), p -> new HashMap<>())
                    .computeIfAbsent(folder.apply(record), f -> new TreeMap<>())
                    .put(record.offset(), identity);
            firstOffsetOf
                    .computeIfAbsent(record.partition(), p -> new HashMap<>())
                    .putIfAbsent(identity, record.offset());
            identityCounts.merge(identity, 1, Integer::sum);
        }
        Map<String, Integer> seen = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> misplaced = new ArrayList<>();
        List<String> misnamed = new ArrayList<>();
        for (LakeObject object : lake.objects(tablePrefix)) {
            if (topic != null && !object.fileName().startsWith(topic + "+")) {
                continue;
            }
            int partition = object.kafkaPartition();
            String objectFolder =
                    object.key().substring(tablePrefix.length(), object.key().lastIndexOf('/'));
            NavigableMap<Long, String> candidates =
                    byFolder.getOrDefault(partition, Map.of()).getOrDefault(objectFolder, new TreeMap<>());
            long lastMatched = object.startOffset() - 1;
            boolean first = true;
            for (JsonNode line : jsonLines(lake, object.key())) {
                String identity = identity(line, identityFields);
                Long offset = nextMatch(candidates, lastMatched, identity);
                if (offset != null) {
                    if (first && offset != object.startOffset()) {
                        misnamed.add(object.key() + " starts with offset " + offset);
                    }
                    seen.merge(partition + "@" + offset, 1, Integer::sum);
                    lastMatched = offset;
                } else {
                    Long elsewhere =
                            firstOffsetOf.getOrDefault(partition, Map.of()).get(identity);
                    if (elsewhere != null) {
                        misplaced.add(object.key() + ": " + partition + "@" + elsewhere);
                        seen.merge(partition + "@" + elsewhere, 1, Integer::sum);
                    } else {
                        unknown.add(object.key() + ": " + line);
                    }
                }
                first = false;
            }
        }
        Set<String> missing = records.stream()
                .map(r -> r.partition() + "@" + r.offset())
                .filter(p -> !seen.containsKey(p))
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, Integer> duplicated = new TreeMap<>(seen);
        duplicated.values().removeIf(count -> count == 1);
        Set<String> duplicatedIdentities = identityCounts.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        return new LakeAudit(records.size(), duplicatedIdentities, missing, duplicated, unknown, misplaced, misnamed);
    }

    /** What is wrong, at most a few examples of each kind; empty when every record is in exactly one line. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        describe(problems, "records in no object", missing);
        describe(problems, "records in more than one line", duplicated.entrySet());
        describe(problems, "lines matching no record", unknown);
        describe(problems, "lines in the wrong folder", misplaced);
        describe(problems, "objects not named after their first record", misnamed);
        return problems;
    }

    /** The first record after {@code after} with this identity, in offset order. */
    private static Long nextMatch(NavigableMap<Long, String> candidates, long after, String identity) {
        for (Map.Entry<Long, String> entry : candidates.tailMap(after, false).entrySet()) {
            if (entry.getValue().equals(identity)) {
                return entry.getKey();
            }
        }
        return null;
    }

    private static void describe(List<String> problems, String what, Collection<?> found) {
        if (!found.isEmpty()) {
            problems.add(found.size() + " " + what + ", e.g. "
                    + found.stream().limit(SHOWN).map(String::valueOf).collect(Collectors.joining(", ")));
        }
    }

    private static String identity(JsonNode node, String... fields) {
        StringBuilder identity = new StringBuilder();
        for (String field : fields) {
            if (identity.length() > 0) {
                identity.append('#');
            }
            identity.append(node.path(field).asText());
        }
        return identity.toString();
    }

    private static JsonNode payload(String value) {
        JsonNode node = parse(value);
        return node.has("schema") && node.has("payload") ? node.get("payload") : node;
    }

    private static List<JsonNode> jsonLines(S3Lake lake, String key) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : new String(lake.read(key), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(parse(line));
            }
        }
        return lines;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + json, e);
        }
    }
}
