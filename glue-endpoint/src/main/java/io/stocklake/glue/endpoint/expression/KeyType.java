package io.stocklake.glue.endpoint.expression;

import io.stocklake.glue.endpoint.api.GlueError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/**
 * How values of a partition key compare in a filter: Glue compares by the key's declared type, so
 * {@code hour < 10} on an {@code int} key is numeric while {@code hour < '10'} on a {@code string} key is not.
 * Partition values are stored as strings; a value that does not parse as the key's type matches nothing.
 */
enum KeyType {
    STRING {
        @Override
        Optional<Comparable<?>> parse(String text) {
            return Optional.of(text);
        }
    },
    NUMBER {
        @Override
        Optional<Comparable<?>> parse(String text) {
            try {
                return Optional.of(new BigDecimal(text.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    },
    DATE {
        @Override
        Optional<Comparable<?>> parse(String text) {
            try {
                return Optional.of(LocalDate.parse(text.trim()));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    },
    TIMESTAMP {
        @Override
        Optional<Comparable<?>> parse(String text) {
            try {
                return Optional.of(LocalDateTime.parse(text.trim(), HIVE_TIMESTAMP));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    };

    private static final DateTimeFormatter HIVE_TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    /** The value as a comparable of this type, or empty when it is not one. */
    abstract Optional<Comparable<?>> parse(String text);

    /** The comparison type for a Glue column type; Glue filters only on the types listed in its API reference. */
    static KeyType of(PartitionKey key) {
        String type = key.type() == null ? "string" : key.type().trim().toLowerCase(Locale.ROOT);
        if (type.equals("string") || type.startsWith("varchar") || type.startsWith("char")) {
            return STRING;
        }
        if (type.equals("int")
                || type.equals("integer")
                || type.equals("bigint")
                || type.equals("long")
                || type.equals("smallint")
                || type.equals("tinyint")
                || type.startsWith("decimal")) {
            return NUMBER;
        }
        if (type.equals("date")) {
            return DATE;
        }
        if (type.equals("timestamp")) {
            return TIMESTAMP;
        }
        throw GlueError.invalidInput(
                "Unsupported partition key type " + key.type() + " of key " + key.name() + " in filter expression");
    }
}
