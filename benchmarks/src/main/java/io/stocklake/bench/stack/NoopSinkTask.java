package io.stocklake.bench.stack;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/** Discards records; Connect commits what it consumed, as it does for any sink that keeps no state. */
public class NoopSinkTask extends SinkTask {

    @Override
    public void start(Map<String, String> props) {}

    @Override
    public void put(Collection<SinkRecord> records) {}

    @Override
    public void stop() {}

    @Override
    public String version() {
        return "bench";
    }
}
