package io.stocklake.it.sink;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Parses the text timestamps Hive's text SerDes (and Athena) read: a space, not ISO's 'T', and UTC. */
final class HiveTimestamps {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

    private HiveTimestamps() {}

    static Instant parse(String text) {
        return LocalDateTime.parse(text, FORMAT).toInstant(ZoneOffset.UTC);
    }
}
