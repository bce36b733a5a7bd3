package io.stocklake.analytics;

import io.stocklake.source.market.AlwaysOpenCalendar;
import io.stocklake.source.market.EpochMicros;
import io.stocklake.source.market.Instrument;
import io.stocklake.source.market.PriceProcess;
import io.stocklake.source.market.QuoteModel;
import io.stocklake.source.market.TradeSizeModel;
import io.stocklake.source.ticks.GeneratedTick;
import io.stocklake.source.ticks.Tick;
import io.stocklake.source.ticks.TickGenerator;
import io.stocklake.source.ticks.TickSchema;
import io.stocklake.source.ticks.TickState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * Ticks as the source connector makes and writes them: its own generator for realistic streams, its schema and
 * Kafka's JsonConverter for the bytes on the topic (with the schema embedded, or the payload alone).
 */
final class SourceTicks {

    static final Instant DAY = Instant.parse("2026-03-02T14:00:00Z");

    private SourceTicks() {}

    /** {@code perSymbol} ticks of each symbol at random moments over {@code minutes} minutes from {@link #DAY}. */
    static List<Tick> generated(List<String> symbols, int perSymbol, int minutes, long seed) {
        TickGenerator generator = new TickGenerator(
                seed,
                new AlwaysOpenCalendar(ZoneOffset.UTC),
                new PriceProcess(0.07, 0, 0),
                new QuoteModel(1),
                new TradeSizeModel());
        Random arrivals = new Random(seed);
        List<Tick> all = new ArrayList<>();
        for (String symbol : symbols) {
            Instrument instrument = new Instrument(symbol, "XNAS", 100 + arrivals.nextInt(300), 0.3);
            long startMicros = EpochMicros.of(DAY);
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < perSymbol; i++) {
                times.add(startMicros + (long) (arrivals.nextDouble() * minutes * 60_000_000L));
            }
            times.sort(Comparator.naturalOrder());
            TickState state = TickState.initial(instrument, startMicros);
            for (long time : times) {
                GeneratedTick next = generator.next(instrument, state, time);
                all.add(next.tick());
                state = next.state();
            }
        }
        all.sort(Comparator.comparingLong(Tick::eventTimeMillis));
        return all;
    }

    /** A crafted tick at {@code secondsAfterDay} seconds after {@link #DAY}. */
    static Tick tick(String symbol, double secondsAfterDay, long seq, double price, int size, double bid, double ask) {
        return new Tick(
                symbol,
                "XNAS",
                DAY.toEpochMilli() + (long) (secondsAfterDay * 1000),
                seq,
                price,
                size,
                bid,
                ask,
                100,
                100,
                seq * 100);
    }

    /** The record value the source writes with {@code value.converter.schemas.enable=true}. */
    static byte[] withSchema(Tick tick) {
        return convert(tick, true);
    }

    /** The record value the source writes with {@code value.converter.schemas.enable=false}. */
    static byte[] payloadOnly(Tick tick) {
        return convert(tick, false);
    }

    static byte[] text(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] convert(Tick tick, boolean schemas) {
        try (JsonConverter converter = new JsonConverter()) {
            converter.configure(Map.of("schemas.enable", Boolean.toString(schemas), "converter.type", "value"));
            return converter.fromConnectData("ticks", TickSchema.PLAIN.value(), TickSchema.PLAIN.toStruct(tick));
        }
    }
}
