package io.stocklake.it.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stocklake.testing.TopicReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Matches the JSON lines files of a table against the topic they were consumed from: each line is mapped
 * through its tick's (symbol, seq) to the Kafka partition and offset it came from.
 *
 * @param topicRecords records in the topic
 * @param duplicatedKeys (symbol, seq) found more than once in the topic: the mapping needs them unique
 * @param missing topic records in no file, as {@code partition@offset}
 * @param duplicated topic records in more than one line, with their count
 * @param unknown lines that match no topic record
 * @param misplaced lines in a folder other than the dt/hour of their record's timestamp
 */
record LakeAudit(int topicRecords, Set<String> duplicatedKeys, Set<String> missing, Map<String, Integer> duplicated,
                 List<String> unknown, List<String> misplaced) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static LakeAudit of(TopicReader reader, String topic, LakeFiles lake, String bucket, String tablePrefix) {
        List<ConsumerRecord<String, String>> records = reader.readAll(topic, Duration.ofSeconds(60));
        Map<String, ConsumerRecord<String, String>> byTick = new HashMap<>();
        Set<String> duplicatedKeys = new TreeSet<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode payload = parse(record.value()).path("payload");
            String tick = tick(payload);
            if (byTick.putIfAbsent(tick, record) != null) {
                duplicatedKeys.add(tick);
            }
        }
        Map<String, Integer> seen = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> misplaced = new ArrayList<>();
        for (String key : lake.keys(bucket, tablePrefix)) {
            String folder = key.substring(tablePrefix.length(), key.lastIndexOf('/'));
            for (JsonNode line : lake.jsonLines(bucket, key)) {
                ConsumerRecord<String, String> record = byTick.get(tick(line));
                if (record == null) {
                    unknown.add(key + ": " + line);
                    continue;
                }
                seen.merge(position(record), 1, Integer::sum);
                if (!folder.equals(DtHour.path(DtHour.of(record.timestamp())))) {
                    misplaced.add(key + ": " + position(record));
                }
            }
        }
        Set<String> missing = records.stream().map(LakeAudit::position).filter(p -> !seen.containsKey(p))
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, Integer> duplicated = new TreeMap<>(seen);
        duplicated.values().removeIf(count -> count == 1);
        return new LakeAudit(records.size(), duplicatedKeys, missing, duplicated, unknown, misplaced);
    }

    private static String tick(JsonNode node) {
        return node.path("symbol").asText() + "#" + node.path("seq").asLong();
    }

    private static String position(ConsumerRecord<String, String> record) {
        return record.partition() + "@" + record.offset();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
