package io.stocklake.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One trade as the tests produce it, with a value of each logical type: a decimal price, the trade time in
 * milliseconds (the partition time), the receipt time in microseconds, the trade date, and a nested venue.
 * {@code exchange} is the optional field a later schema adds; null in trades of the first schema.
 */
record Trade(
        String symbol,
        BigDecimal price,
        Instant tradedAt,
        Instant receivedAt,
        LocalDate tradeDate,
        String venueMic,
        int venueLot,
        String exchange) {

    static final int PRICE_PRECISION = 12;
    static final int PRICE_SCALE = 4;
    private static final DateTimeFormatter TRINO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    /** {@code count} trades a little over a minute apart within one hour, from {@code first}. */
    static List<Trade> sample(int count, Instant first, String exchange) {
        String[] symbols = {"AAPL", "MSFT", "NVDA"};
        List<Trade> trades = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant tradedAt = first.plusMillis(61_007L * i);
            trades.add(new Trade(
                    symbols[i % symbols.length] + i,
                    new BigDecimal("187.1234")
                            .add(new BigDecimal(i).movePointLeft(2))
                            .setScale(PRICE_SCALE),
                    tradedAt,
                    tradedAt.plus(1_234 + i, ChronoUnit.MICROS),
                    LocalDate.ofInstant(tradedAt, ZoneOffset.UTC),
                    i % 2 == 0 ? "XNAS" : "XNYS",
                    100 * (i + 1),
                    exchange));
        }
        return trades;
    }

    long tradedAtMillis() {
        return tradedAt.toEpochMilli();
    }

    long receivedAtMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, receivedAt);
    }

    /** The trade time as Trino prints a {@code timestamp(3)}. */
    String tradedAtText() {
        return TRINO_MILLIS.format(tradedAt);
    }
}
