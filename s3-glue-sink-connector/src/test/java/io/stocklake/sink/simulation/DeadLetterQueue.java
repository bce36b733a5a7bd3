package io.stocklake.sink.simulation;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** Where the errant record reporter sends bad records: counts each record's reports, per task and in all. */
final class DeadLetterQueue {

    record Report(TopicPartition tp, long offset) {}

    private final Map<Report, Integer> reports = new HashMap<>();
    private final Map<String, Map<Report, Integer>> byTask = new HashMap<>();
    private int repeatedByOneTask;

    synchronized void report(String task, TopicPartition tp, long offset) {
        Report report = new Report(tp, offset);
        reports.merge(report, 1, Integer::sum);
        int byThisTask = byTask.computeIfAbsent(task, t -> new HashMap<>()).merge(report, 1, Integer::sum);
        if (byThisTask > 1) {
            repeatedByOneTask++;
        }
    }

    synchronized int reports(TopicPartition tp, long offset) {
        return reports.getOrDefault(new Report(tp, offset), 0);
    }

    /** Reports of a record one task had already reported: the task wrote it to the queue again. */
    synchronized int repeatedByOneTask() {
        return repeatedByOneTask;
    }
}
