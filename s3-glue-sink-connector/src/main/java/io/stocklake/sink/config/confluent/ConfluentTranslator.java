package io.stocklake.sink.config.confluent;

import io.stocklake.sink.config.PathTemplate;
import io.stocklake.sink.route.TimeLevels;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Translates a configuration written for Confluent's S3 sink into the sink's own, by {@link ConfluentKeys}: each
 * Confluent key is honoured, accepted as harmless, or refused naming what to use instead; a Confluent key that
 * says something else than the sink's own key given beside it is refused. Keys nobody knows are collected for a
 * warning.
 */
public final class ConfluentTranslator {

    static final String FORMAT = "format";
    static final String COMPRESSION = "compression";
    static final String PATH_FORMAT = "path.format";
    static final String PARTITION_FIELDS = "partition.fields";
    static final String TIME_SOURCE = "partition.time.source";
    static final String TIME_FIELD = "partition.time.field";
    static final String RETRY_ATTEMPTS = "s3.retry.max.attempts";

    static final String HOURLY_PATH = "'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH";
    static final String DAILY_PATH = "'year'=YYYY/'month'=MM/'day'=dd";
    /** The digits of the start offset in the sink's file names. */
    static final int OFFSET_DIGITS = 20;

    static final String PARQUET_CODEC_DEFAULT = "snappy";
    /** Confluent's default of timestamp.field. */
    static final String TIMESTAMP_FIELD_DEFAULT = "timestamp";

    private final Set<String> ourKeys;

    /** @param ourKeys the sink's own keys (its ConfigDef's names) */
    public ConfluentTranslator(Set<String> ourKeys) {
        this.ourKeys = Set.copyOf(ourKeys);
    }

    public Translation translate(Map<String, String> given) {
        Run run = new Run(given);
        run.translate();
        return new Translation(run.config, run.refused, run.origins, run.unknown);
    }

    /** One translation's state. */
    private final class Run {
        final Map<String, String> given;
        final Map<String, String> config = new LinkedHashMap<>();
        final Map<String, String> refused = new LinkedHashMap<>();
        final Map<String, String> origins = new LinkedHashMap<>();
        final List<String> unknown = new ArrayList<>();

        Run(Map<String, String> given) {
            this.given = given;
        }

        void translate() {
            given.forEach((key, value) -> {
                Optional<ConfluentKey> confluent = ConfluentKeys.named(key);
                if (confluent.isPresent()) {
                    // path.format is both: the sink's own unless a time-based partitioner says it is Confluent's.
                    if (confluent.get().treatment() == Treatment.SAME_NAME || ourKeys.contains(key)) {
                        config.put(key, value);
                    }
                } else if (ourKeys.contains(key) || FrameworkKeys.contains(key)) {
                    config.put(key, value);
                } else {
                    unknown.add(key);
                }
            });
            for (ConfluentKey key : ConfluentKeys.ALL) {
                String value = given.get(key.name());
                if (value == null) {
                    continue;
                }
                switch (key.treatment()) {
                    case SAME_NAME, TRANSLATED -> {}
                    case RENAMED -> set(key.name(), key.ourKey(), value.trim());
                    case VALUE_MAPPED -> mapValue(key, value.trim());
                    case HARMLESS -> {
                        if (!key.values().isEmpty() && !key.values().containsKey(value.trim())) {
                            refuse(
                                    key.name(),
                                    key.name() + "=" + value + " has no equivalent: " + key.note() + " (accepted: "
                                            + String.join(", ", key.values().keySet()) + ")");
                        }
                    }
                    case REFUSED -> refuse(key.name(), "is not supported; use " + key.note() + " instead");
                }
            }
            partitioner();
            timestampFieldDefault();
            compression();
            retries();
            offsetWidth();
        }

        private void mapValue(ConfluentKey key, String value) {
            String ours = key.values().get(value);
            if (ours == null) {
                refuse(key.name(), key.name() + "=" + value + " has no equivalent; " + key.note());
            } else {
                set(key.name(), key.ourKey(), ours);
            }
        }

        /** partitioner.class with path.format, partition.field.name, partition.duration.ms and the extractor. */
        private void partitioner() {
            String partitioner = trimmed("partitioner.class");
            if (partitioner == null) {
                return;
            }
            boolean timeBased = false;
            switch (partitioner) {
                case ConfluentKeys.DEFAULT_PARTITIONER -> {}
                case ConfluentKeys.FIELD_PARTITIONER -> {
                    String fields = trimmed("partition.field.name");
                    if (fields == null) {
                        refuse("partitioner.class", "FieldPartitioner needs partition.field.name");
                    } else {
                        set("partition.field.name", PARTITION_FIELDS, fields);
                    }
                }
                case ConfluentKeys.TIME_BASED_PARTITIONER -> {
                    timeBased = true;
                    String joda = given.get(PATH_FORMAT);
                    if (joda == null) {
                        refuse("partitioner.class", "TimeBasedPartitioner needs path.format");
                    } else {
                        timePath(PATH_FORMAT, joda, true);
                    }
                }
                case ConfluentKeys.HOURLY_PARTITIONER -> {
                    timeBased = true;
                    timePath("partitioner.class", HOURLY_PATH, false);
                }
                case ConfluentKeys.DAILY_PARTITIONER -> {
                    timeBased = true;
                    timePath("partitioner.class", DAILY_PATH, false);
                }
                default ->
                    refuse(
                            "partitioner.class",
                            "partitioner.class=" + partitioner + " has no equivalent; use DefaultPartitioner, "
                                    + "FieldPartitioner, TimeBasedPartitioner, HourlyPartitioner or DailyPartitioner "
                                    + "(io.confluent.connect.storage.partitioner), or the sink's path.format and "
                                    + "partition.fields");
            }
            if (timeBased && !given.containsKey("timestamp.extractor") && !given.containsKey(TIME_SOURCE)) {
                // Confluent's extractor defaults to Wallclock.
                config.put(TIME_SOURCE, "wallclock");
                origins.put(TIME_SOURCE, "partitioner.class");
            }
        }

        /**
         * The time folders of a time-based partitioner: its Joda pattern translated, checked as the sink's
         * path.format, and partition.duration.ms checked against its finest field.
         *
         * @param key       the key a problem is reported on
         * @param joda      the Confluent path.format
         * @param fromUser  whether path.format is the user's (TimeBasedPartitioner) or the partitioner's own
         */
        private void timePath(String key, String joda, boolean fromUser) {
            String pattern;
            try {
                pattern = JodaPattern.toJavaTime(joda);
                PathTemplate.parse(pattern);
            } catch (IllegalArgumentException e) {
                refuse(key, PATH_FORMAT + "=" + joda + " (a Joda pattern with " + key + "): " + e.getMessage());
                return;
            }
            if (!fromUser && given.containsKey(PATH_FORMAT)) {
                refuse(
                        PATH_FORMAT,
                        "is set by partitioner.class=" + given.get("partitioner.class") + " (" + joda
                                + "), which ignores it; drop path.format or use TimeBasedPartitioner");
                return;
            }
            config.put(PATH_FORMAT, pattern);
            origins.put(PATH_FORMAT, key);
            duration(pattern);
        }

        private void duration(String pattern) {
            String value = trimmed("partition.duration.ms");
            if (value == null) {
                return;
            }
            long duration;
            try {
                duration = Long.parseLong(value);
            } catch (NumberFormatException e) {
                refuse("partition.duration.ms", "is not a number: " + value);
                return;
            }
            long finest = finestFieldMillis(pattern);
            if (duration <= 0 || finest % duration != 0) {
                refuse(
                        "partition.duration.ms",
                        "partition.duration.ms=" + duration + " does not divide the finest field of path.format ("
                                + finest + " ms), so Confluent's folders would differ from the sink's; use "
                                + finest + " or a path.format whose finest field matches it");
            }
        }

        /** The length of the finest field of a path.format; a day for days and anything coarser. */
        private static long finestFieldMillis(String pathFormat) {
            ChronoUnit finest =
                    TimeLevels.finestUnit(PathTemplate.parse(pathFormat)).orElse(ChronoUnit.MILLIS);
            return Math.min(
                    finest.getDuration().toMillis(),
                    ChronoUnit.DAYS.getDuration().toMillis());
        }

        /** Confluent's RecordField extractor reads the field "timestamp" unless timestamp.field names another. */
        private void timestampFieldDefault() {
            if ("field".equals(config.get(TIME_SOURCE))
                    && origins.containsKey(TIME_SOURCE)
                    && !given.containsKey("timestamp.field")
                    && !given.containsKey(TIME_FIELD)) {
                config.put(TIME_FIELD, TIMESTAMP_FIELD_DEFAULT);
                origins.put(TIME_FIELD, "timestamp.extractor");
            }
        }

        /** parquet.codec applies with Parquet, s3.compression.type with JSON; Confluent ignores the other. */
        private void compression() {
            String format = config.getOrDefault(FORMAT, "json");
            String key = "parquet".equals(format) ? "parquet.codec" : "s3.compression.type";
            String value = trimmed(key);
            if (value == null) {
                if ("parquet".equals(format) && !given.containsKey(COMPRESSION)) {
                    // Confluent's parquet.codec defaults to snappy, the sink's compression to none.
                    config.put(COMPRESSION, PARQUET_CODEC_DEFAULT);
                    origins.put(COMPRESSION, "format.class");
                }
                return;
            }
            Set<String> offered =
                    "parquet".equals(format) ? Set.of("none", "snappy", "gzip", "zstd") : Set.of("none", "gzip");
            if (offered.contains(value)) {
                set(key, COMPRESSION, value);
            } else {
                refuse(
                        key,
                        key + "=" + value + " has no equivalent; use one of "
                                + String.join(", ", offered.stream().sorted().toList()));
            }
        }

        /** s3.part.retries counts retries, s3.retry.max.attempts attempts. */
        private void retries() {
            String value = trimmed("s3.part.retries");
            if (value == null) {
                return;
            }
            try {
                int retries = Integer.parseInt(value);
                if (retries < 0 || retries > 99) {
                    refuse("s3.part.retries", "must be 0 to 99 (the sink makes at most 100 attempts)");
                } else {
                    set("s3.part.retries", RETRY_ATTEMPTS, String.valueOf(retries + 1));
                }
            } catch (NumberFormatException e) {
                refuse("s3.part.retries", "is not a number: " + value);
            }
        }

        /** Confluent pads offsets to at least this many digits; the sink's 20 satisfy any width up to 20. */
        private void offsetWidth() {
            String value = trimmed("filename.offset.zero.pad.width");
            if (value == null) {
                return;
            }
            try {
                int width = Integer.parseInt(value);
                if (width < 0 || width > OFFSET_DIGITS) {
                    refuse(
                            "filename.offset.zero.pad.width",
                            "must be 0 to 20: the sink pads start offsets to 20 digits");
                }
            } catch (NumberFormatException e) {
                refuse("filename.offset.zero.pad.width", "is not a number: " + value);
            }
        }

        /** Our key from a Confluent one, unless the user gave our key a different value too. */
        private void set(String confluentKey, String ourKey, String value) {
            String own = given.get(ourKey);
            if (own != null && !own.trim().equals(value)) {
                refuse(
                        confluentKey,
                        confluentKey + "=" + given.get(confluentKey) + " means " + ourKey + "=" + value + ", but "
                                + ourKey + "=" + own + " is given too; keep one of them");
                return;
            }
            config.put(ourKey, value);
            origins.put(ourKey, confluentKey);
        }

        /** Each reason names its key, also where it is read without the key beside it (a ConfigException). */
        private void refuse(String key, String reason) {
            refused.putIfAbsent(key, reason.startsWith(key) ? reason : key + ": " + reason);
        }

        private String trimmed(String key) {
            String value = given.get(key);
            return value == null ? null : value.trim();
        }
    }
}
