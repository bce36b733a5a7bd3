package io.stocklake.glue.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionResponse;
import software.amazon.awssdk.services.glue.model.BatchDeletePartitionResponse;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionRequestEntry;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionResponse;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetPartitionsResponse;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.PartitionValueList;
import software.amazon.awssdk.services.glue.model.Segment;

/** Partition actions through the real GlueClient, field by field against the Glue API reference. */
class PartitionContractTest {
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
    void createdPartitionKeepsItsDefinitionAndGetsTheFieldsGlueAdds() {
        PartitionInput input = LocalGlue.partition("ticks", "2026-11-24", "03");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        create(input);
        Instant after = Instant.now();

        Partition partition = local.glue
                .getPartition(r -> r.databaseName("market").tableName("ticks").partitionValues("2026-11-24", "03"))
                .partition();

        assertThat(partition.values()).containsExactly("2026-11-24", "03");
        assertThat(partition.databaseName()).isEqualTo("market");
        assertThat(partition.tableName()).isEqualTo("ticks");
        assertThat(partition.storageDescriptor()).isEqualTo(input.storageDescriptor());
        assertThat(partition.creationTime()).isBetween(before, after);
        assertThat(partition.catalogId()).isEqualTo(GlueEndpointConfig.DEFAULT_CATALOG_ID);
    }

    @Test
    void creatingAnExistingPartitionFailsWithAlreadyExists() {
        create(LocalGlue.partition("ticks", "2026-11-24", "03"));

        assertThatThrownBy(() -> create(LocalGlue.partition("ticks", "2026-11-24", "03")))
                .isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void creatingAPartitionOfAMissingTableFailsWithEntityNotFound() {
        assertThatThrownBy(() -> local.glue.createPartition(r -> r.databaseName("market")
                        .tableName("quotes")
                        .partitionInput(LocalGlue.partition("quotes", "2026-11-24", "03"))))
                .isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void partitionValuesMustMatchThePartitionKeys() {
        assertThatThrownBy(() ->
                        create(PartitionInput.builder().values("2026-11-24").build()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void batchCreateReportsPartitionsThatAlreadyExistInErrorsAndCreatesTheRest() {
        create(LocalGlue.partition("ticks", "2026-11-24", "03"));

        BatchCreatePartitionResponse response = local.glue.batchCreatePartition(r -> r.databaseName("market")
                .tableName("ticks")
                .partitionInputList(
                        LocalGlue.partition("ticks", "2026-11-24", "03"),
                        LocalGlue.partition("ticks", "2026-11-24", "04")));

        assertThat(response.errors()).singleElement().satisfies(error -> {
            assertThat(error.partitionValues()).containsExactly("2026-11-24", "03");
            assertThat(error.errorDetail().errorCode()).isEqualTo("AlreadyExistsException");
            assertThat(error.errorDetail().errorMessage()).isNotBlank();
        });
        assertThat(valuesOf(all())).containsExactly(List.of("2026-11-24", "03"), List.of("2026-11-24", "04"));
    }

    @Test
    void batchCreateWithoutFailuresHasNoErrors() {
        BatchCreatePartitionResponse response = local.glue.batchCreatePartition(r -> r.databaseName("market")
                .tableName("ticks")
                .partitionInputList(LocalGlue.partition("ticks", "2026-11-24", "03")));

        assertThat(response.errors()).isEmpty();
    }

    @Test
    void getPartitionsFiltersByTheExpressionTrinoSends() {
        createHours("2026-11-23", 2);
        createHours("2026-11-24", 5);

        List<Partition> partitions = local.glue
                .getPartitions(r -> r.databaseName("market")
                        .tableName("ticks")
                        .expression("((dt = '2026-11-24')) AND ((hour = '03'))"))
                .partitions();

        assertThat(valuesOf(partitions)).containsExactly(List.of("2026-11-24", "03"));
    }

    @Test
    void segmentsTogetherReturnEveryMatchingPartitionExactlyOnce() {
        createHours("2026-11-23", 24);
        createHours("2026-11-24", 24);
        List<List<String>> seen = new ArrayList<>();

        for (int segment = 0; segment < 5; segment++) {
            int number = segment;
            seen.addAll(valuesOf(local.glue
                    .getPartitions(r -> r.databaseName("market")
                            .tableName("ticks")
                            .expression("dt = '2026-11-24'")
                            .maxResults(1000)
                            .segment(Segment.builder()
                                    .segmentNumber(number)
                                    .totalSegments(5)
                                    .build()))
                    .partitions()));
        }

        assertThat(seen)
                .hasSize(24)
                .doesNotHaveDuplicates()
                .allSatisfy(v -> assertThat(v.get(0)).isEqualTo("2026-11-24"));
    }

    @Test
    void getPartitionsPagesWithMaxResultsAndNextToken() {
        createHours("2026-11-24", 7);
        List<List<String>> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            GetPartitionsResponse page = local.glue.getPartitions(r ->
                    r.databaseName("market").tableName("ticks").maxResults(3).nextToken(next));
            seen.addAll(valuesOf(page.partitions()));
            pageSizes.add(page.partitions().size());
            token = page.nextToken();
        } while (token != null);

        assertThat(pageSizes).containsExactly(3, 3, 1);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    }

    @Test
    void excludeColumnSchemaLeavesOutTheColumns() {
        create(LocalGlue.partition("ticks", "2026-11-24", "03"));

        Partition partition = local.glue
                .getPartitions(r -> r.databaseName("market").tableName("ticks").excludeColumnSchema(true))
                .partitions()
                .get(0);

        assertThat(partition.storageDescriptor().hasColumns()).isFalse();
        assertThat(partition.storageDescriptor().location()).endsWith("/dt=2026-11-24/hour=03/");
    }

    @Test
    void getPartitionsOfAMissingTableFailsWithEntityNotFound() {
        assertThatThrownBy(() ->
                        local.glue.getPartitions(r -> r.databaseName("market").tableName("quotes")))
                .isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void batchGetReturnsTheExistingPartitionsAndSkipsMissingOnes() {
        createHours("2026-11-24", 2);

        List<Partition> partitions = local.glue
                .batchGetPartition(r -> r.databaseName("market")
                        .tableName("ticks")
                        .partitionsToGet(values("2026-11-24", "01"), values("2026-11-24", "07")))
                .partitions();

        assertThat(valuesOf(partitions)).containsExactly(List.of("2026-11-24", "01"));
    }

    @Test
    void gettingAMissingPartitionFailsWithEntityNotFound() {
        assertThatThrownBy(() -> local.glue.getPartition(
                        r -> r.databaseName("market").tableName("ticks").partitionValues("2026-11-24", "03")))
                .isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void updatePartitionReplacesTheDefinitionAndKeepsCreationTime() {
        create(LocalGlue.partition("ticks", "2026-11-24", "03"));
        Instant created = get("2026-11-24", "03").creationTime();
        PartitionInput moved = LocalGlue.partition("ticks", "2026-11-24", "03").toBuilder()
                .storageDescriptor(sd -> sd.location("s3://lake/moved/"))
                .build();

        local.glue.updatePartition(r -> r.databaseName("market")
                .tableName("ticks")
                .partitionValueList("2026-11-24", "03")
                .partitionInput(moved));

        Partition updated = get("2026-11-24", "03");
        assertThat(updated.storageDescriptor().location()).isEqualTo("s3://lake/moved/");
        assertThat(updated.creationTime()).isEqualTo(created);
    }

    @Test
    void batchUpdateReportsMissingPartitionsInErrors() {
        create(LocalGlue.partition("ticks", "2026-11-24", "03"));

        BatchUpdatePartitionResponse response = local.glue.batchUpdatePartition(r -> r.databaseName("market")
                .tableName("ticks")
                .entries(
                        BatchUpdatePartitionRequestEntry.builder()
                                .partitionValueList("2026-11-24", "03")
                                .partitionInput(LocalGlue.partition("ticks", "2026-11-24", "03"))
                                .build(),
                        BatchUpdatePartitionRequestEntry.builder()
                                .partitionValueList("2026-11-24", "09")
                                .partitionInput(LocalGlue.partition("ticks", "2026-11-24", "09"))
                                .build()));

        assertThat(response.errors()).singleElement().satisfies(error -> {
            assertThat(error.partitionValueList()).containsExactly("2026-11-24", "09");
            assertThat(error.errorDetail().errorCode()).isEqualTo("EntityNotFoundException");
        });
    }

    @Test
    void deletePartitionRemovesIt() {
        create(LocalGlue.partition("ticks", "2026-11-24", "03"));

        local.glue.deletePartition(
                r -> r.databaseName("market").tableName("ticks").partitionValues("2026-11-24", "03"));

        assertThat(all()).isEmpty();
    }

    @Test
    void batchDeleteReportsMissingPartitionsInErrorsAndDeletesTheRest() {
        create(LocalGlue.partition("ticks", "2026-11-24", "03"));

        BatchDeletePartitionResponse response = local.glue.batchDeletePartition(r -> r.databaseName("market")
                .tableName("ticks")
                .partitionsToDelete(values("2026-11-24", "03"), values("2026-11-24", "04")));

        assertThat(response.errors()).singleElement().satisfies(error -> {
            assertThat(error.partitionValues()).containsExactly("2026-11-24", "04");
            assertThat(error.errorDetail().errorCode()).isEqualTo("EntityNotFoundException");
        });
        assertThat(all()).isEmpty();
    }

    private void create(PartitionInput input) {
        local.glue.createPartition(
                r -> r.databaseName("market").tableName("ticks").partitionInput(input));
    }

    private void createHours(String dt, int hours) {
        List<PartitionInput> inputs = new ArrayList<>();
        for (int hour = 0; hour < hours; hour++) {
            inputs.add(LocalGlue.partition("ticks", dt, String.format("%02d", hour)));
        }
        local.glue.batchCreatePartition(
                r -> r.databaseName("market").tableName("ticks").partitionInputList(inputs));
    }

    private Partition get(String dt, String hour) {
        return local.glue
                .getPartition(r -> r.databaseName("market").tableName("ticks").partitionValues(dt, hour))
                .partition();
    }

    private List<Partition> all() {
        return local.glue
                .getPartitions(r -> r.databaseName("market").tableName("ticks"))
                .partitions();
    }

    private static PartitionValueList values(String... values) {
        return PartitionValueList.builder().values(values).build();
    }

    private static List<List<String>> valuesOf(List<Partition> partitions) {
        return partitions.stream().map(Partition::values).toList();
    }
}
