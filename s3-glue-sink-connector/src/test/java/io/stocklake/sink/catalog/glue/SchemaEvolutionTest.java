package io.stocklake.sink.catalog.glue;

import static io.stocklake.sink.catalog.glue.GlueFixture.TABLE;
import static io.stocklake.sink.catalog.glue.GlueFixture.TICK;
import static io.stocklake.sink.catalog.glue.GlueFixture.definition;
import static io.stocklake.sink.catalog.glue.GlueFixture.parquet;
import static io.stocklake.sink.catalog.glue.GlueFixture.partition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.sink.catalog.PartitionCatalog;
import io.stocklake.sink.testing.LocalGlue;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.Column;

/** How record schemas may change under an existing table, against the real Glue-compatible endpoint. */
class SchemaEvolutionTest {

    private static final Schema TICK_WITH_SIZE = SchemaBuilder.struct()
            .name("Tick")
            .field("symbol", Schema.STRING_SCHEMA)
            .field("ts", org.apache.kafka.connect.data.Timestamp.SCHEMA)
            .field("price", Schema.FLOAT64_SCHEMA)
            .field("size", Schema.OPTIONAL_INT32_SCHEMA)
            .build();

    private static LocalGlue glue;
    private GlueFixture fixture;
    private PartitionCatalog catalog;

    @BeforeAll
    static void startGlue() throws Exception {
        glue = new LocalGlue();
    }

    @AfterAll
    static void stopGlue() {
        glue.close();
    }

    @BeforeEach
    void createCatalog() {
        fixture = new GlueFixture(glue);
        catalog = fixture.catalog();
    }

    @AfterEach
    void closeCatalogs() {
        fixture.close();
    }

    private List<String> columns() {
        return glue.table(fixture.database, TABLE).storageDescriptor().columns().stream()
                .map(Column::name)
                .toList();
    }

    @Test
    void newOptionalFieldIsAppendedAsAColumn() {
        catalog.ensureTable(parquet(TICK));
        fixture.requests.clear();

        catalog.ensureTable(parquet(TICK_WITH_SIZE));

        assertThat(fixture.requests.calls).containsExactly("UpdateTable", "GetTable");
        assertThat(columns()).containsExactly("symbol", "ts", "price", "size");
        assertThat(glue.table(fixture.database, TABLE).parameters()).containsEntry("classification", "parquet");
    }

    @Test
    void partitionsRegisteredAfterAnEvolutionCarryTheNewColumn() {
        catalog.ensureTable(parquet(TICK));
        catalog.ensureTable(parquet(TICK_WITH_SIZE));

        catalog.register(List.of(partition("2026-11-24", "03")));

        assertThat(glue.partitions(fixture.database, TABLE))
                .singleElement()
                .satisfies(p -> assertThat(p.storageDescriptor().columns())
                        .extracting(Column::name)
                        .contains("size"));
    }

    @Test
    void olderSchemaWithoutTheOptionalFieldIsStillAccepted() {
        catalog.ensureTable(parquet(TICK_WITH_SIZE));
        fixture.requests.clear();

        catalog.ensureTable(parquet(TICK));

        assertThat(fixture.requests.calls).isEmpty();
        assertThat(columns()).containsExactly("symbol", "ts", "price", "size");
    }

    @Test
    void anotherTaskAddingTheSameColumnMeanwhileIsFine() {
        PartitionCatalog other = fixture.catalog();
        catalog.ensureTable(parquet(TICK));
        other.ensureTable(parquet(TICK));
        other.ensureTable(parquet(TICK_WITH_SIZE));
        fixture.requests.clear();

        catalog.ensureTable(parquet(TICK_WITH_SIZE));

        assertThat(fixture.requests.calls).containsExactly("UpdateTable", "GetTable");
        assertThat(columns()).containsExactly("symbol", "ts", "price", "size");
    }

    @Test
    void typeChangeIsADataExceptionNamingTheFieldAndBothTypes() {
        catalog.ensureTable(parquet(TICK));
        Schema priceAsText = SchemaBuilder.struct()
                .field("symbol", Schema.STRING_SCHEMA)
                .field("ts", org.apache.kafka.connect.data.Timestamp.SCHEMA)
                .field("price", Schema.STRING_SCHEMA)
                .build();

        assertThatThrownBy(() -> catalog.ensureTable(parquet(priceAsText)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("price")
                .hasMessageContaining("string")
                .hasMessageContaining("double");
        assertThat(columns()).containsExactly("symbol", "ts", "price");
    }

    @Test
    void removedRequiredFieldIsADataExceptionNamingTheField() {
        catalog.ensureTable(parquet(TICK));
        Schema noPrice = SchemaBuilder.struct()
                .field("symbol", Schema.STRING_SCHEMA)
                .field("ts", org.apache.kafka.connect.data.Timestamp.SCHEMA)
                .build();

        assertThatThrownBy(() -> catalog.ensureTable(parquet(noPrice)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("lacks field price");
    }

    @Test
    void rejectedSchemaStaysRejectedWithoutFurtherCalls() {
        catalog.ensureTable(parquet(TICK));
        Schema priceAsText =
                SchemaBuilder.struct().field("price", Schema.STRING_SCHEMA).build();
        assertThatThrownBy(() -> catalog.ensureTable(parquet(priceAsText))).isInstanceOf(DataException.class);
        fixture.requests.clear();

        assertThatThrownBy(() -> catalog.ensureTable(parquet(priceAsText))).isInstanceOf(DataException.class);
        assertThat(fixture.requests.calls).isEmpty();
    }

    @Test
    void csvFieldInsertedBeforeExistingColumnsIsRejectedAsPositional() {
        catalog.ensureTable(definition(TICK, "csv", "none"));
        Schema inserted = SchemaBuilder.struct()
                .field("symbol", Schema.STRING_SCHEMA)
                .field("venue", Schema.OPTIONAL_STRING_SCHEMA)
                .field("ts", org.apache.kafka.connect.data.Timestamp.SCHEMA)
                .field("price", Schema.FLOAT64_SCHEMA)
                .build();

        assertThatThrownBy(() -> catalog.ensureTable(definition(inserted, "csv", "none")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("venue")
                .hasMessageContaining("position");
    }

    @Test
    void csvFieldAppendedAtTheEndIsAddedAsAColumn() {
        catalog.ensureTable(definition(TICK, "csv", "none"));

        catalog.ensureTable(definition(TICK_WITH_SIZE, "csv", "none"));

        assertThat(columns()).containsExactly("symbol", "ts", "price", "size");
    }
}
