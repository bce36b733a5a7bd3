package io.stocklake.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.bench.workload.RecordShape;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void noArgumentsMeanAFullRunWithTheBenchmarksOwnNumberOfRuns() {
        BenchOptions options = BenchOptions.parse(List.of(), "./bench source");

        assertThat(options.smoke()).isFalse();
        assertThat(options.runsOr(5)).isEqualTo(5);
    }

    @Test
    void smokeAndRunsAreRead() {
        BenchOptions options = BenchOptions.parse(List.of("--smoke", "--runs", "3"), "./bench source --smoke --runs 3");

        assertThat(options.smoke()).isTrue();
        assertThat(options.runsOr(5)).isEqualTo(3);
    }

    @Test
    void hoursAreReadAndMustBePositive() {
        BenchOptions options = BenchOptions.parse(List.of("--hours", "4"), "./bench compaction --hours 4");

        assertThat(options.hours()).hasValue(4);
        assertThat(BenchOptions.parse(List.of(), "./bench compaction").hours()).isEmpty();
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--hours", "0"), "./bench compaction --hours 0"))
                .hasMessageContaining("--hours");
    }

    @Test
    void anUnknownArgumentIsRejectedByName() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--fast"), "./bench source --fast"))
                .hasMessageContaining("--fast");
    }

    @Test
    void runsMustBePositive() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--runs", "0"), "./bench source --runs 0"))
                .hasMessageContaining("--runs");
    }

    @Test
    void theSchemaEmbeddedInEachRecordIsTheDefaultShape() {
        assertThat(BenchOptions.parse(List.of(), "./bench sink").shape()).isEqualTo(RecordShape.EMBEDDED_SCHEMA);
    }

    @Test
    void schemaExternalChoosesThePayloadOnlyShape() {
        BenchOptions options = BenchOptions.parse(List.of("--schema", "external"), "./bench sink --schema external");

        assertThat(options.shape()).isEqualTo(RecordShape.EXTERNAL_SCHEMA);
    }

    @Test
    void anUnknownSchemaShapeIsRejectedWithTheShapesThatExist() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--schema", "avro"), "./bench sink --schema avro"))
                .hasMessageContaining("avro")
                .hasMessageContaining("embedded, external");
    }
}
