package io.stocklake.compaction.swap;

import org.apache.kafka.common.TopicPartition;

/**
 * A sink file's name read back: {@code <topic>+<kafka partition>+<start offset><ext>} (topic names cannot hold a
 * '+').
 */
record SinkFileName(TopicPartition partition, long startOffset) {

    /** The name's Kafka partition and start offset, or null when the sink does not name files so. */
    static SinkFileName parse(String name) {
        int second = name.lastIndexOf('+');
        int first = second <= 0 ? -1 : name.lastIndexOf('+', second - 1);
        if (first <= 0) {
            return null;
        }
        int dot = name.indexOf('.', second);
        String offset = name.substring(second + 1, dot < 0 ? name.length() : dot);
        String kafkaPartition = name.substring(first + 1, second);
        if (offset.isEmpty() || kafkaPartition.isEmpty() || !digits(offset) || !digits(kafkaPartition)) {
            return null;
        }
        try {
            return new SinkFileName(
                    new TopicPartition(name.substring(0, first), Integer.parseInt(kafkaPartition)),
                    Long.parseLong(offset));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean digits(String text) {
        return text.chars().allMatch(Character::isDigit);
    }
}
