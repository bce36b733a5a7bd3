package io.stocklake.sink.commit;

import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Hands a Kafka partition's unwritable records to the bad-record handler, each offset once: a replay after an abort
 * meets the same records again, and the dead letter queue must not receive them twice.
 */
final class RejectedRecords {

    private long reportedThrough = -1;

    void reject(SinkRecord record, BadRecordHandler handler, DataException problem) {
        long offset = record.originalKafkaOffset();
        if (offset > reportedThrough) {
            handler.handle(record, problem);
            reportedThrough = offset;
        }
    }
}
