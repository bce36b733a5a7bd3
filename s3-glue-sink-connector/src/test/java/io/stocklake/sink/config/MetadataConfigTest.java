package io.stocklake.sink.config;

import static io.stocklake.sink.config.SinkProps.assertRejected;
import static io.stocklake.sink.config.SinkProps.minimal;
import static io.stocklake.sink.config.SinkProps.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataConfigTest {

    @Test
    void noMetadataColumnsByDefault() {
        assertThat(new SinkConfig(minimal()).metadata().columns()).isEmpty();
    }

    @Test
    void columnsComeInTheOrderListedIgnoringCase() {
        SinkConfig config =
                new SinkConfig(with(MetadataConfig.KAFKA_METADATA_COLUMNS, "offset, Partition,topic,key,headers"));

        assertThat(config.metadata().columns())
                .containsExactly(
                        MetadataColumn.OFFSET,
                        MetadataColumn.PARTITION,
                        MetadataColumn.TOPIC,
                        MetadataColumn.KEY,
                        MetadataColumn.HEADERS);
    }

    @Test
    void anUnknownColumnIsRefusedNamingTheValidOnes() {
        assertRejected(
                with(MetadataConfig.KAFKA_METADATA_COLUMNS, "topic,leader_epoch"),
                MetadataConfig.KAFKA_METADATA_COLUMNS,
                "topic, partition, offset, timestamp, key, headers");
    }

    @Test
    void aColumnListedTwiceIsRefused() {
        assertRejected(
                with(MetadataConfig.KAFKA_METADATA_COLUMNS, "offset,offset"),
                MetadataConfig.KAFKA_METADATA_COLUMNS,
                "listed twice");
    }

    @Test
    void writingTombstonesWithoutTheKeyColumnIsRefusedNamingBothKeys() {
        Map<String, String> props = with(
                ErrorsConfig.BEHAVIOR_ON_NULL_VALUES, "write", MetadataConfig.KAFKA_METADATA_COLUMNS, "topic,offset");

        assertRejected(props, ErrorsConfig.BEHAVIOR_ON_NULL_VALUES, MetadataConfig.KAFKA_METADATA_COLUMNS);
    }

    @Test
    void writingTombstonesWithTheKeyColumnIsAccepted() {
        SinkConfig config = new SinkConfig(
                with(ErrorsConfig.BEHAVIOR_ON_NULL_VALUES, "write", MetadataConfig.KAFKA_METADATA_COLUMNS, "key"));

        assertThat(config.errors().nullValueBehavior()).isEqualTo(NullValueBehavior.WRITE);
        assertThat(config.metadata().columns()).containsExactly(MetadataColumn.KEY);
    }
}
