package io.stocklake.source.ticks;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.source.market.EpochMicros;
import io.stocklake.source.market.ExchangeCalendar;
import io.stocklake.source.market.Instrument;
import io.stocklake.source.market.NyseTradingDays;
import io.stocklake.source.market.PriceProcess;
import io.stocklake.source.market.QuoteModel;
import io.stocklake.source.market.TradeSizeModel;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TickGeneratorTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final Instrument aapl = new Instrument("AAPL", "XNAS", 230, 0.25);

    private static TickGenerator generator(long seed) {
        return new TickGenerator(
                seed,
                new ExchangeCalendar(NEW_YORK, LocalTime.of(9, 30), LocalTime.of(16, 0), new NyseTradingDays()),
                new PriceProcess(0.07, 0, 0),
                new QuoteModel(1),
                new TradeSizeModel());
    }

    private static long at(String localDateTime) {
        return EpochMicros.of(
                LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant());
    }

    @Test
    void theNextTickDependsOnlyOnTheSeedSymbolStateAndTime() {
        TickState state = new TickState(41, 230.125, at("2026-03-04T10:00"), 5_000);

        GeneratedTick first = generator(9).next(aapl, state, at("2026-03-04T10:00:01"));
        GeneratedTick second = generator(9).next(aapl, state, at("2026-03-04T10:00:01"));

        assertThat(second).isEqualTo(first);
        assertThat(first.tick().seq()).isEqualTo(42);
        assertThat(first.state().seq()).isEqualTo(42);
    }

    @Test
    void theDayVolumeAccumulatesWithinASession() {
        TickState state = new TickState(41, 230.125, at("2026-03-04T10:00"), 5_000);

        GeneratedTick next = generator(9).next(aapl, state, at("2026-03-04T15:59"));

        assertThat(next.tick().dayVolume()).isEqualTo(5_000 + next.tick().size());
    }

    @Test
    void theDayVolumeStartsAgainInTheNextSession() {
        TickState state = new TickState(41, 230.125, at("2026-03-04T15:59"), 5_000);

        GeneratedTick next = generator(9).next(aapl, state, at("2026-03-05T09:30"));

        assertThat(next.tick().dayVolume()).isEqualTo(next.tick().size());
    }

    @Test
    void theMidDoesNotMoveOvernight() {
        TickState evening = new TickState(1, 230.125, at("2026-03-04T16:00"), 0);

        GeneratedTick atOpen = generator(9).next(aapl, evening, at("2026-03-05T09:30"));

        assertThat(atOpen.state().mid()).isEqualTo(230.125);
    }

    @Test
    void aTickIsNeverStampedBeforeThePreviousOne() {
        TickState state = new TickState(1, 230.125, at("2026-03-04T12:00"), 0);

        GeneratedTick next = generator(9).next(aapl, state, at("2026-03-04T11:59"));

        assertThat(next.state().timeMicros()).isEqualTo(at("2026-03-04T12:00"));
    }
}
