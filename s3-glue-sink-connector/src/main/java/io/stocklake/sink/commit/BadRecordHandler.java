package io.stocklake.sink.commit;

import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/** Decides the fate of a record that cannot be written: report and skip it, or fail by throwing. */
@FunctionalInterface
public interface BadRecordHandler {

    void handle(SinkRecord record, DataException problem);
}
