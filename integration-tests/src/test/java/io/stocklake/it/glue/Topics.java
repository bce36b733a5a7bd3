package io.stocklake.it.glue;

import io.stocklake.stack.KafkaBroker;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Topics of the tests, created up front with their partition count and kept forever: the tests write event times
 * in the past (the broker refuses timestamps more than an hour ahead), which time-based retention would delete
 * at its next check.
 */
final class Topics {

    private Topics() {}

    static void create(KafkaBroker broker, String topic, int partitions) {
        try (Admin admin = broker.admin()) {
            admin.createTopics(
                            List.of(new NewTopic(topic, partitions, (short) 1).configs(Map.of("retention.ms", "-1"))))
                    .all()
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic, e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topic " + topic, e);
        }
    }
}
