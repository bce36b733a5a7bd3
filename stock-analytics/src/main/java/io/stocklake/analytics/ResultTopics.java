package io.stocklake.analytics;

import io.stocklake.analytics.config.AnalyticsConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the output topics that do not exist yet, with as many partitions as the tick topic and the replication
 * of the application's internal topics ({@code replication.factor}, the brokers' default when unset). Kafka Streams
 * creates its internal topics itself but expects its sink topics to exist.
 */
final class ResultTopics {

    private static final Logger log = LoggerFactory.getLogger(ResultTopics.class);

    private ResultTopics() {}

    static void ensure(AnalyticsConfig config) throws ExecutionException, InterruptedException {
        StreamsConfig streams = new StreamsConfig(config.streamsProperties());
        int replication = streams.getInt(StreamsConfig.REPLICATION_FACTOR_CONFIG);
        try (Admin admin = Admin.create(
                streams.getAdminConfigs(streams.getString(StreamsConfig.APPLICATION_ID_CONFIG) + "-topics"))) {
            Set<String> existing = admin.listTopics().names().get();
            if (!existing.contains(config.ticksTopic())) {
                return; // Kafka Streams reports the missing input itself.
            }
            TopicDescription ticks = admin.describeTopics(List.of(config.ticksTopic()))
                    .allTopicNames()
                    .get()
                    .get(config.ticksTopic());
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : List.of(config.barsTopic(), config.alertsTopic(), config.deadLetterTopic())) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(
                            topic,
                            Optional.of(ticks.partitions().size()),
                            replication < 0 ? Optional.empty() : Optional.of((short) replication)));
                }
            }
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                    log.info("Created topic {} with {} partitions", topic.name(), topic.numPartitions());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }
}
