package io.stocklake.glue.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.AccessDeniedException;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.DatabaseAttributes;
import software.amazon.awssdk.services.glue.model.DatabaseInput;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetDatabasesResponse;

/** Database actions through the real GlueClient, field by field against the Glue API reference. */
class DatabaseContractTest {
    private final LocalGlue local = LocalGlue.start();

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void createdDatabaseIsReturnedWithTheFieldsGlueAdds() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        local.glue.createDatabase(r -> r.databaseInput(DatabaseInput.builder()
                .name("Market_Data")
                .description("ticks")
                .locationUri("s3://lake/")
                .parameters(Map.of("owner", "stocklake"))
                .build()));
        Instant after = Instant.now();

        Database database = local.glue.getDatabase(r -> r.name("market_data")).database();

        assertThat(database.name()).isEqualTo("market_data");
        assertThat(database.description()).isEqualTo("ticks");
        assertThat(database.locationUri()).isEqualTo("s3://lake/");
        assertThat(database.parameters()).containsExactly(Map.entry("owner", "stocklake"));
        assertThat(database.createTime()).isBetween(before, after);
        assertThat(database.catalogId()).isEqualTo(GlueEndpointConfig.DEFAULT_CATALOG_ID);
        assertThat(database.createTableDefaultPermissions()).singleElement().satisfies(permission -> {
            assertThat(permission.principal().dataLakePrincipalIdentifier()).isEqualTo("IAM_ALLOWED_PRINCIPALS");
            assertThat(permission.permissionsAsStrings()).containsExactly("ALL");
        });
    }

    @Test
    void creatingAnExistingDatabaseFailsWithAlreadyExists() {
        local.createDatabase("market");

        assertThatThrownBy(() -> local.createDatabase("MARKET")).isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void gettingAMissingDatabaseFailsWithEntityNotFound() {
        assertThatThrownBy(() -> local.glue.getDatabase(r -> r.name("nowhere")))
                .isInstanceOf(EntityNotFoundException.class)
                .hasMessageContaining("nowhere")
                .satisfies(e ->
                        assertThat(((EntityNotFoundException) e).statusCode()).isEqualTo(400));
    }

    @Test
    void getDatabasesPagesThroughAllDatabasesInNameOrder() {
        for (String name : List.of("e", "c", "a", "d", "b")) {
            local.createDatabase(name);
        }
        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            GetDatabasesResponse page =
                    local.glue.getDatabases(r -> r.maxResults(2).nextToken(next));
            page.databaseList().forEach(d -> seen.add(d.name()));
            pageSizes.add(page.databaseList().size());
            token = page.nextToken();
        } while (token != null);

        assertThat(seen).containsExactly("a", "b", "c", "d", "e");
        assertThat(pageSizes).containsExactly(2, 2, 1);
    }

    @Test
    void getDatabasesWithNameAttributeReturnsNamesOnly() {
        local.glue.createDatabase(r -> r.databaseInput(
                DatabaseInput.builder().name("market").description("d").build()));

        Database database = local.glue
                .getDatabases(r -> r.attributesToGet(DatabaseAttributes.NAME))
                .databaseList()
                .get(0);

        assertThat(database.name()).isEqualTo("market");
        assertThat(database.description()).isNull();
    }

    @Test
    void updateDatabaseReplacesItsDefinitionButKeepsCreateTime() {
        local.createDatabase("market");
        Instant created =
                local.glue.getDatabase(r -> r.name("market")).database().createTime();

        local.glue.updateDatabase(r -> r.name("market")
                .databaseInput(DatabaseInput.builder()
                        .name("market")
                        .description("updated")
                        .build()));

        Database database = local.glue.getDatabase(r -> r.name("market")).database();
        assertThat(database.description()).isEqualTo("updated");
        assertThat(database.createTime()).isEqualTo(created);
    }

    @Test
    void deletingADatabaseDeletesItsTables() {
        local.createDatabase("market");
        local.createTable("market", "ticks");

        local.glue.deleteDatabase(r -> r.name("market"));
        local.createDatabase("market");

        assertThat(local.glue.getTables(r -> r.databaseName("market")).tableList())
                .isEmpty();
    }

    @Test
    void requestsForAnotherCatalogAreDenied() {
        assertThatThrownBy(() -> local.glue.getDatabases(r -> r.catalogId("999999999999")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("999999999999");
    }
}
