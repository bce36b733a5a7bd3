package io.stocklake.source;

import io.stocklake.source.config.ClockMode;
import io.stocklake.source.config.SourceConfig;
import io.stocklake.source.config.TaskAssignment;
import io.stocklake.source.market.ArrivalModel;
import io.stocklake.source.market.EpochMicros;
import io.stocklake.source.market.Instrument;
import io.stocklake.source.market.SessionCalendar;
import io.stocklake.source.market.TradeSizeModel;
import io.stocklake.source.ticks.GeneratedTick;
import io.stocklake.source.ticks.SymbolCursor;
import io.stocklake.source.ticks.TickBudget;
import io.stocklake.source.ticks.TickGenerator;
import io.stocklake.source.ticks.TickOffsets;
import io.stocklake.source.ticks.TickRecords;
import io.stocklake.source.ticks.TickSchema;
import io.stocklake.source.ticks.TickState;
import io.stocklake.source.ticks.TickStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Produces the ticks of the symbols assigned to this task, resuming each from its stored offset. */
public class StockTickSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(StockTickSourceTask.class);
    /** Waiting at least this long lets ticks gather into batches instead of one record per poll. */
    private static final long MIN_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** Waiting at most this long keeps poll() responsive to stop(). */
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    /** Waits between polls; a test substitutes one that does not sleep. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final Clock wall;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private TickStream stream;
    private TickRecords records;
    private int maxBatchSize;
    private boolean reportedDone;
    private volatile boolean stopping;

    public StockTickSourceTask() {
        this(Clock.systemUTC(), System::nanoTime, nanos -> TimeUnit.NANOSECONDS.sleep(nanos));
    }

    StockTickSourceTask(Clock wall, LongSupplier nanoTime, Sleeper sleeper) {
        this.wall = wall;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        SourceConfig settings = new SourceConfig(props);
        TaskAssignment assignment = TaskAssignment.of(props);
        SessionCalendar calendar = settings.session().calendar();
        List<SymbolCursor> cursors = cursors(settings, assignment);
        long seed = settings.universe().seed();
        TickGenerator generator = new TickGenerator(
                seed,
                calendar,
                settings.model().priceProcess(),
                settings.model().quoteModel(),
                new TradeSizeModel());
        ArrivalModel arrivals =
                new ArrivalModel(seed, calendar, settings.model().intradayProfile(), settings.ratePerSymbol());
        stream = settings.clock().mode() == ClockMode.SIMULATED
                ? TickStream.simulated(
                        cursors, generator, arrivals, calendar, settings.clock().acceleration(), nanoTime)
                : TickStream.realtime(
                        cursors,
                        generator,
                        arrivals,
                        calendar,
                        settings.ratePerSymbol() * Math.max(1, cursors.size()),
                        wall,
                        nanoTime);
        records = new TickRecords(
                settings.output().topic(), TickSchema.of(settings.output().schemaDocs()));
        maxBatchSize = settings.output().maxBatchSize();
        log.info("Task {} of {} owns {} symbols", assignment.index() + 1, assignment.count(), cursors.size());
    }

    private List<SymbolCursor> cursors(SourceConfig settings, TaskAssignment assignment) {
        List<Instrument> universe = settings.instruments();
        List<Integer> owned = new ArrayList<>();
        List<Map<String, Object>> partitions = new ArrayList<>();
        for (int index = 0; index < universe.size(); index++) {
            if (assignment.owns(index)) {
                owned.add(index);
                partitions.add(TickOffsets.partition(universe.get(index).symbol()));
            }
        }
        Map<Map<String, Object>, Map<String, Object>> offsets =
                context.offsetStorageReader().offsets(partitions);
        long start = settings.clock().mode() == ClockMode.SIMULATED
                ? settings.clock().simulatedStartMicros()
                : EpochMicros.of(wall.instant());
        TickBudget budget = new TickBudget(settings.clock().maxTicks(), universe.size());
        List<SymbolCursor> cursors = new ArrayList<>(owned.size());
        for (int i = 0; i < owned.size(); i++) {
            int index = owned.get(i);
            Instrument instrument = universe.get(index);
            TickState state = TickOffsets.state(offsets == null ? null : offsets.get(partitions.get(i)))
                    .orElse(TickState.initial(instrument, start));
            cursors.add(new SymbolCursor(instrument, index, state, budget.lastSeq(index)));
        }
        return cursors;
    }

    /**
     * The ticks due now. Returns null after a short wait when none is due, and keeps doing so once
     * {@code max.ticks} is used up: a finished task idles in RUNNING rather than failing.
     */
    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (stopping) {
            return null;
        }
        if (stream.finished()) {
            if (!reportedDone) {
                reportedDone = true;
                log.info("All symbols of this task reached their share of max.ticks; idling");
            }
            sleeper.sleep(IDLE_NANOS);
            return null;
        }
        List<GeneratedTick> ticks = stream.poll(maxBatchSize);
        if (ticks.isEmpty()) {
            sleeper.sleep(Math.min(MAX_WAIT_NANOS, Math.max(MIN_WAIT_NANOS, stream.nanosUntilNext())));
            return null;
        }
        List<SourceRecord> batch = new ArrayList<>(ticks.size());
        for (GeneratedTick tick : ticks) {
            batch.add(records.toRecord(tick));
        }
        return batch;
    }

    @Override
    public void stop() {
        stopping = true;
    }
}
