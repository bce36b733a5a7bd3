package io.stocklake.local;

import io.stocklake.stack.ConnectRest;
import io.stocklake.stack.ConnectRestException;
import io.stocklake.stack.ConnectorStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Reads the pipeline's figures from the parts themselves: Kafka, the Connect REST API, S3 and Glue. */
final class StatusProbe {

    private final Admin admin;
    private final ConnectRest connect;
    private final S3Client s3;
    private final GlueClient glue;
    private final String topic;
    private final List<String> connectors;
    private final String sinkConnector;
    private final String tablePrefix;

    StatusProbe(
            Admin admin,
            ConnectRest connect,
            S3Client s3,
            GlueClient glue,
            String topic,
            List<String> connectors,
            String sinkConnector,
            String tablePrefix) {
        this.admin = admin;
        this.connect = connect;
        this.s3 = s3;
        this.glue = glue;
        this.topic = topic;
        this.connectors = List.copyOf(connectors);
        this.sinkConnector = sinkConnector;
        this.tablePrefix = tablePrefix;
    }

    PipelineStatus read() throws Exception {
        long objects = 0;
        long bytes = 0;
        List<String> keys = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(
                        b -> b.bucket(LocalStackSettings.BUCKET).prefix(tablePrefix))
                .contents()) {
            objects++;
            bytes += object.size();
            keys.add(object.key());
        }
        List<String> locations = partitionLocations();
        return new PipelineStatus(
                topicEnd(),
                sinkCommitted(),
                objects,
                bytes,
                locations == null ? -1 : locations.size(),
                locations == null
                        ? CompactionFigures.NONE
                        : CompactionFigures.of(keys, locations, LocalStackSettings.BUCKET),
                statuses());
    }

    private long topicEnd() throws Exception {
        var description = admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get(10, TimeUnit.SECONDS)
                .get(topic);
        Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
        description
                .partitions()
                .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        long sum = 0;
        for (ListOffsetsResult.ListOffsetsResultInfo info :
                admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).values()) {
            sum += info.offset();
        }
        return sum;
    }

    private long sinkCommitted() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("connect-" + sinkConnector)
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        return offsets.values().stream()
                .filter(o -> o != null)
                .mapToLong(OffsetAndMetadata::offset)
                .sum();
    }

    /** The location of each partition of the table; null while the table does not exist. */
    private List<String> partitionLocations() {
        try {
            List<String> locations = new ArrayList<>();
            for (var page : glue.getPartitionsPaginator(b -> b.databaseName(LocalStackSettings.DATABASE)
                    .tableName(LocalStackSettings.TABLE)
                    .excludeColumnSchema(true))) {
                page.partitions()
                        .forEach(p -> locations.add(p.storageDescriptor().location()));
            }
            return locations;
        } catch (EntityNotFoundException e) {
            return null;
        }
    }

    private List<ConnectorStatus> statuses() {
        List<ConnectorStatus> result = new ArrayList<>();
        for (String name : connectors) {
            try {
                result.add(connect.status(name));
            } catch (ConnectRestException e) {
                result.add(new ConnectorStatus(
                        name, e.status() == 404 ? "MISSING" : "UNKNOWN", "", e.getMessage(), List.of()));
            }
        }
        return result;
    }
}
