package io.stocklake.bench.jmh;

import io.stocklake.source.StockTickSourceTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;

/** The stock tick source task on the simulated clock, as fast as it goes, outside any worker. */
final class SimulatedTicks {

    static final String TOPIC = "ticks";

    private SimulatedTicks() {}

    /** A started task that hands out {@code batch} ticks per poll, without end. */
    static StockTickSourceTask task(int batch) {
        Map<String, String> props = Map.of(
                "topic",
                TOPIC,
                "clock",
                "simulated",
                "simulated.acceleration",
                "0",
                "max.batch.size",
                String.valueOf(batch));
        StockTickSourceTask task = new StockTickSourceTask();
        task.initialize(new FreshSourceContext(props));
        task.start(props);
        return task;
    }

    /** {@code count} ticks as a sink task receives them: the source's key and value, one partition, offsets from 0. */
    static List<SinkRecord> asSinkRecords(int count) {
        StockTickSourceTask task = task(1_000);
        List<SinkRecord> records = new ArrayList<>(count);
        try {
            while (records.size() < count) {
                for (SourceRecord tick : task.poll()) {
                    if (records.size() < count) {
                        records.add(new SinkRecord(
                                TOPIC,
                                0,
                                tick.keySchema(),
                                tick.key(),
                                tick.valueSchema(),
                                tick.value(),
                                records.size(),
                                tick.timestamp(),
                                TimestampType.CREATE_TIME));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            task.stop();
        }
        return records;
    }
}
