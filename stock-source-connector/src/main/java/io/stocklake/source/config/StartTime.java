package io.stocklake.source.config;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Parses {@code simulated.start}: an ISO-8601 date-time with offset ({@code 2026-01-05T09:30:00-05:00},
 * {@code ...Z}), or a local date-time or date read in the session zone ({@code 2026-01-05T09:30},
 * {@code 2026-01-05}).
 */
final class StartTime {

    static final String DESCRIPTION = "an ISO-8601 date-time with or without offset, or a date";

    private StartTime() {}

    static Instant parse(String text, ZoneId zone) {
        String value = text.trim();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(value).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
        }
    }
}
