package io.stocklake.sink.catalog.glue;

import static io.stocklake.sink.catalog.glue.GlueFixture.LOCATION;
import static io.stocklake.sink.catalog.glue.GlueFixture.TABLE;
import static io.stocklake.sink.catalog.glue.GlueFixture.TICK;
import static io.stocklake.sink.catalog.glue.GlueFixture.definition;
import static io.stocklake.sink.catalog.glue.GlueFixture.parquet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.sink.catalog.CatalogException;
import io.stocklake.sink.catalog.PartitionCatalog;
import io.stocklake.sink.catalog.TableRef;
import io.stocklake.sink.config.CatalogConfig;
import io.stocklake.sink.testing.LocalGlue;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/** Tables the sink creates or finds, against the real Glue-compatible endpoint. */
class GlueTableTest {

    private static LocalGlue glue;
    private GlueFixture fixture;

    @BeforeAll
    static void startGlue() throws Exception {
        glue = new LocalGlue();
    }

    @AfterAll
    static void stopGlue() {
        glue.close();
    }

    @AfterEach
    void closeCatalogs() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private PartitionCatalog catalog() {
        fixture = fixture == null ? new GlueFixture(glue) : fixture;
        return fixture.catalog();
    }

    private Table created() {
        return glue.table(fixture.database, TABLE);
    }

    @Test
    void parquetTableHasTheParquetSerDeFormatsAndCompression() {
        catalog().ensureTable(parquet(TICK));

        Table table = created();
        StorageDescriptor sd = table.storageDescriptor();
        assertThat(table.tableType()).isEqualTo("EXTERNAL_TABLE");
        assertThat(sd.serdeInfo().serializationLibrary())
                .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
        assertThat(sd.inputFormat()).isEqualTo("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat");
        assertThat(sd.outputFormat()).isEqualTo("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat");
        assertThat(table.parameters())
                .containsEntry("EXTERNAL", "TRUE")
                .containsEntry("classification", "parquet")
                .containsEntry("compressionType", "snappy")
                .containsEntry("parquet.compression", "SNAPPY")
                .doesNotContainKey("skip.header.line.count");
    }

    @Test
    void jsonTableHasTheHCatalogJsonSerDeAndTextFormats() {
        catalog().ensureTable(definition(TICK, "json", "gzip"));

        Table table = created();
        StorageDescriptor sd = table.storageDescriptor();
        assertThat(sd.serdeInfo().serializationLibrary()).isEqualTo("org.apache.hive.hcatalog.data.JsonSerDe");
        assertThat(sd.inputFormat()).isEqualTo("org.apache.hadoop.mapred.TextInputFormat");
        assertThat(sd.outputFormat()).isEqualTo("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat");
        assertThat(table.parameters())
                .containsEntry("classification", "json")
                .containsEntry("compressionType", "gzip")
                .doesNotContainKey("parquet.compression");
    }

    @Test
    void csvTableSplitsOnCommasReadsEmptyAsNullAndSkipsTheHeader() {
        catalog().ensureTable(definition(TICK, "csv", "none"));

        Table table = created();
        SerDeInfo serde = table.storageDescriptor().serdeInfo();
        assertThat(serde.serializationLibrary()).isEqualTo("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe");
        assertThat(serde.parameters())
                .containsEntry("field.delim", ",")
                .containsEntry("serialization.format", ",")
                .containsEntry("serialization.null.format", "");
        assertThat(table.storageDescriptor().inputFormat()).isEqualTo("org.apache.hadoop.mapred.TextInputFormat");
        assertThat(table.parameters())
                .containsEntry("skip.header.line.count", "1")
                .containsEntry("classification", "csv")
                .containsEntry("compressionType", "none");
    }

    @Test
    void tableLivesAtTheTablePrefixWithStringPartitionKeysInPathOrder() {
        catalog().ensureTable(parquet(TICK));

        Table table = created();
        assertThat(table.storageDescriptor().location()).isEqualTo(LOCATION);
        assertThat(table.partitionKeys())
                .extracting(Column::name, Column::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dt", "string"),
                        org.assertj.core.groups.Tuple.tuple("hour", "string"));
    }

    @Test
    void columnsComeFromTheSchemaIncludingNestedAndDecimal() {
        Schema quote = SchemaBuilder.struct()
                .field("bid", Schema.FLOAT64_SCHEMA)
                .field("ask", Schema.OPTIONAL_FLOAT64_SCHEMA)
                .build();
        Schema schema = SchemaBuilder.struct()
                .field("symbol", Schema.STRING_SCHEMA)
                .field("ts", org.apache.kafka.connect.data.Timestamp.SCHEMA)
                .field(
                        "price",
                        Decimal.builder(4)
                                .parameter("connect.decimal.precision", "18")
                                .build())
                .field("quote", quote)
                .field(
                        "venues",
                        SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
                .field(
                        "tags",
                        SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA)
                                .optional()
                                .build())
                .build();

        catalog().ensureTable(parquet(schema));

        assertThat(created().storageDescriptor().columns())
                .extracting(Column::name, Column::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("symbol", "string"),
                        org.assertj.core.groups.Tuple.tuple("ts", "timestamp"),
                        org.assertj.core.groups.Tuple.tuple("price", "decimal(18,4)"),
                        org.assertj.core.groups.Tuple.tuple("quote", "struct<bid:double,ask:double>"),
                        org.assertj.core.groups.Tuple.tuple("venues", "array<string>"),
                        org.assertj.core.groups.Tuple.tuple("tags", "map<string,bigint>"));
    }

    @Test
    void missingDatabaseIsCreatedWithTheTable() {
        catalog().ensureTable(parquet(TICK));

        assertThat(glue.inspector
                        .getDatabase(r -> r.name(fixture.database))
                        .database()
                        .name())
                .isEqualTo(fixture.database);
        assertThat(fixture.requests.calls)
                .containsExactly("GetTable", "CreateTable", "CreateDatabase", "CreateTable", "GetTable");
    }

    @Test
    void unchangedSchemaCostsNoFurtherCall() {
        PartitionCatalog catalog = catalog();
        catalog.ensureTable(parquet(TICK));
        fixture.requests.clear();

        catalog.ensureTable(parquet(TICK));

        assertThat(fixture.requests.calls).isEmpty();
    }

    @Test
    void existingCompatibleTableIsUsedAsItIs() {
        fixture = new GlueFixture(glue);
        createExisting(existingParquet().build());

        catalog().ensureTable(parquet(TICK));

        assertThat(fixture.requests.calls).containsExactly("GetTable");
        assertThat(created().storageDescriptor().location()).isEqualTo("s3://elsewhere/ticks/");
    }

    @Test
    void glueTableSettingRenamesTheCatalogTable() {
        fixture = new GlueFixture(glue).with(CatalogConfig.GLUE_TABLE, "ticks_v1");

        catalog().ensureTable(parquet(TICK));

        assertThat(glue.table(fixture.database, "ticks_v1").storageDescriptor().location())
                .isEqualTo(LOCATION);
    }

    @Test
    void existingTableWithAnotherSerDeIsRejectedNamingBoth() {
        fixture = new GlueFixture(glue);
        createExisting(existingParquet()
                .storageDescriptor(sd(
                        List.of(column("symbol", "string")),
                        "org.apache.hive.hcatalog.data.JsonSerDe",
                        "org.apache.hadoop.mapred.TextInputFormat"))
                .build());

        assertThatThrownBy(() -> catalog().ensureTable(parquet(TICK)))
                .isInstanceOf(IncompatibleTableException.class)
                .hasMessageContaining("org.apache.hive.hcatalog.data.JsonSerDe")
                .hasMessageContaining("ParquetHiveSerDe");
    }

    @Test
    void existingTableWithOtherPartitionKeysIsRejectedNamingThem() {
        fixture = new GlueFixture(glue);
        createExisting(existingParquet().partitionKeys(column("day", "string")).build());

        assertThatThrownBy(() -> catalog().ensureTable(parquet(TICK)))
                .isInstanceOf(IncompatibleTableException.class)
                .hasMessageContaining("[day]")
                .hasMessageContaining("[dt, hour]");
    }

    @Test
    void existingCsvTableWithAnotherDelimiterIsRejected() {
        fixture = new GlueFixture(glue);
        createExisting(existingParquet()
                .storageDescriptor(sd(
                        List.of(column("symbol", "string")),
                        "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
                        "org.apache.hadoop.mapred.TextInputFormat"))
                .build());

        assertThatThrownBy(() -> catalog().ensureTable(definition(TICK, "csv", "none")))
                .isInstanceOf(IncompatibleTableException.class)
                .hasMessageContaining("field.delim");
    }

    @Test
    void missingTableWithoutAutoCreateIsACatalogErrorNamingTheSetting() {
        fixture = new GlueFixture(glue).with(CatalogConfig.GLUE_TABLE_AUTO_CREATE, "false");

        assertThatThrownBy(() -> catalog().ensureTable(parquet(TICK)))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining(fixture.database + "." + TABLE)
                .hasMessageContaining(CatalogConfig.GLUE_TABLE_AUTO_CREATE);
        assertThat(fixture.requests.calls).doesNotContain("CreateTable");
    }

    @Test
    void schemalessValuesReadTheColumnsOfTheExistingTable() {
        PartitionCatalog catalog = catalog();
        catalog.ensureTable(parquet(TICK));

        Schema declared = catalog.valueSchema(new TableRef(TABLE)).orElseThrow();

        assertThat(declared.fields()).extracting(f -> f.name()).containsExactly("symbol", "ts", "price");
        assertThat(declared.field("ts").schema().name())
                .isEqualTo(org.apache.kafka.connect.data.Timestamp.LOGICAL_NAME);
    }

    @Test
    void schemalessValuesWithoutATableFailPermanentlyNamingTheTableAndTheSettings() {
        PartitionCatalog catalog = catalog();

        assertThatThrownBy(() -> catalog.valueSchema(new TableRef(TABLE)))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining(fixture.database + "." + TABLE)
                .hasMessageContaining(CatalogConfig.GLUE_TABLE)
                .satisfies(
                        e -> assertThat(((CatalogException) e).permanentCause()).isNotNull());
    }

    @Test
    void schemalessRecordsUseAnExistingTable() {
        fixture = new GlueFixture(glue);
        createExisting(existingParquet()
                .storageDescriptor(
                        sd(List.of(column("symbol", "string")), TableFormat.JSON.serde, TableFormat.JSON.inputFormat))
                .build());

        catalog().ensureTable(definition(null, "json", "none"));

        assertThat(fixture.requests.calls).containsExactly("GetTable");
    }

    @Test
    void schemalessRecordsCannotCreateATable() {
        assertThatThrownBy(() -> catalog().ensureTable(definition(null, "json", "none")))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("schemaless");
    }

    private void createExisting(TableInput input) {
        try {
            glue.inspector.createDatabase(r -> r.databaseInput(d -> d.name(fixture.database)));
        } catch (software.amazon.awssdk.services.glue.model.AlreadyExistsException e) {
            // created by an earlier step
        }
        glue.inspector.createTable(r -> r.databaseName(fixture.database).tableInput(input));
    }

    private static TableInput.Builder existingParquet() {
        return TableInput.builder()
                .name(TABLE)
                .tableType("EXTERNAL_TABLE")
                .partitionKeys(column("dt", "string"), column("hour", "string"))
                .storageDescriptor(sd(
                        List.of(column("symbol", "string"), column("ts", "timestamp"), column("price", "double")),
                        TableFormat.PARQUET.serde,
                        TableFormat.PARQUET.inputFormat));
    }

    private static StorageDescriptor sd(List<Column> columns, String serde, String input) {
        return StorageDescriptor.builder()
                .columns(columns)
                .location("s3://elsewhere/ticks/")
                .inputFormat(input)
                .outputFormat("out")
                .serdeInfo(SerDeInfo.builder()
                        .serializationLibrary(serde)
                        .parameters(Map.of())
                        .build())
                .build();
    }

    private static Column column(String name, String type) {
        return Column.builder().name(name).type(type).build();
    }
}
