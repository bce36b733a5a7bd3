package io.stocklake.sink;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/** Writes the records of the partitions assigned to this task. */
public class S3GlueSinkTask extends SinkTask {

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
    }

    @Override
    public void put(Collection<SinkRecord> records) {
    }

    @Override
    public void stop() {
    }
}
