package io.stocklake.it.glue;

import io.stocklake.testing.KafkaBroker;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** Topics a test writes itself, created up front so it decides their partition count. */
final class Topics {

    private Topics() {
    }

    static void create(KafkaBroker broker, String topic, int partitions) {
        try (Admin admin = broker.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic, e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topic " + topic, e);
        }
    }
}
