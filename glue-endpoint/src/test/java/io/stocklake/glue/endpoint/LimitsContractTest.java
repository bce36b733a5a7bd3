package io.stocklake.glue.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.PartitionValueList;
import software.amazon.awssdk.services.glue.model.Segment;
import software.amazon.awssdk.services.glue.model.ValidationException;

/** Glue's request limits, refused the way Glue refuses them: a ValidationException naming the member. */
class LimitsContractTest {
    private final LocalGlue local = LocalGlue.start();

    @BeforeEach
    void table() {
        local.createDatabase("market");
        local.createTable("market", "ticks");
    }

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void batchCreateTakesAtMostOneHundredPartitions() {
        assertThatThrownBy(() -> batchCreate(101))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("partitionInputList")
                .hasMessageContaining("less than or equal to 100");
    }

    @Test
    void batchCreateOfExactlyOneHundredPartitionsSucceeds() {
        batchCreate(100);

        assertThat(local.glue
                        .getPartitions(r -> r.databaseName("market").tableName("ticks"))
                        .partitions())
                .hasSize(100);
    }

    @Test
    void batchGetTakesAtMostOneThousandPartitions() {
        List<PartitionValueList> wanted = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            wanted.add(PartitionValueList.builder()
                    .values("2026-11-24", Integer.toString(i))
                    .build());
        }

        assertThatThrownBy(() -> local.glue.batchGetPartition(
                        r -> r.databaseName("market").tableName("ticks").partitionsToGet(wanted)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("partitionsToGet");
    }

    @Test
    void batchDeleteTakesAtMostTwentyFivePartitions() {
        List<PartitionValueList> doomed = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            doomed.add(PartitionValueList.builder()
                    .values("2026-11-24", Integer.toString(i))
                    .build());
        }

        assertThatThrownBy(() -> local.glue.batchDeletePartition(
                        r -> r.databaseName("market").tableName("ticks").partitionsToDelete(doomed)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("partitionsToDelete");
    }

    @Test
    void getPartitionsPagesAreAtMostOneThousand() {
        assertThatThrownBy(() -> local.glue.getPartitions(
                        r -> r.databaseName("market").tableName("ticks").maxResults(1001)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("maxResults");
    }

    @Test
    void expressionsAreAtMost2048Characters() {
        String tooLong = "dt = '" + "x".repeat(2048) + "'";

        assertThatThrownBy(() -> local.glue.getPartitions(
                        r -> r.databaseName("market").tableName("ticks").expression(tooLong)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("expression");
    }

    @Test
    void segmentsAreAtMostTen() {
        assertThatThrownBy(() -> local.glue.getPartitions(r -> r.databaseName("market")
                        .tableName("ticks")
                        .segment(Segment.builder()
                                .segmentNumber(0)
                                .totalSegments(11)
                                .build())))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("segment.totalSegments");
    }

    @Test
    void aSegmentNumberBeyondTheTotalIsInvalidInput() {
        assertThatThrownBy(() -> local.glue.getPartitions(r -> r.databaseName("market")
                        .tableName("ticks")
                        .segment(Segment.builder()
                                .segmentNumber(5)
                                .totalSegments(5)
                                .build())))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void expressionsOnColumnsThatAreNotPartitionKeysAreInvalidInput() {
        assertThatThrownBy(() -> local.glue.getPartitions(
                        r -> r.databaseName("market").tableName("ticks").expression("symbol = 'ACME'")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("symbol");
    }

    @Test
    void malformedExpressionsAreInvalidInput() {
        assertThatThrownBy(() -> local.glue.getPartitions(
                        r -> r.databaseName("market").tableName("ticks").expression("dt = ")))
                .isInstanceOf(InvalidInputException.class);
    }

    private void batchCreate(int count) {
        List<PartitionInput> inputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inputs.add(LocalGlue.partition("ticks", "2026-11-24", Integer.toString(i)));
        }
        local.glue.batchCreatePartition(
                r -> r.databaseName("market").tableName("ticks").partitionInputList(inputs));
    }
}
