package io.stocklake.source;

import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/** Produces the ticks of the symbols assigned to this task. */
public class StockTickSourceTask extends SourceTask {

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        Thread.sleep(100);
        return null;
    }

    @Override
    public void stop() {
    }
}
