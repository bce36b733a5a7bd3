package io.stocklake.bench.source;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** The benchmark's topics: one partition each, so every writer is measured against the same log layout. */
final class Topics {

    private final Admin admin;

    Topics(Admin admin) {
        this.admin = admin;
    }

    void create(String topic) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topic " + topic, e);
        }
    }

    /** Drops a measured topic, so that runs do not fill the disk. */
    void delete(String topic) {
        try {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot delete topic " + topic, e);
        }
    }

    EndOffsetSampler sampler(String topic) {
        return new EndOffsetSampler(admin, topic, null);
    }

    /** A sampler that also reads the CPU time of the process writing to the topic. */
    EndOffsetSampler sampler(String topic, LongSupplier writerCpuNanos) {
        return new EndOffsetSampler(admin, topic, writerCpuNanos);
    }
}
