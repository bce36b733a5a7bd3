package io.stocklake.glue.endpoint.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocklake.glue.endpoint.api.GlueOperation;
import io.stocklake.glue.endpoint.api.RequestFields;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CreateDatabase, GetDatabase, GetDatabases, UpdateDatabase, DeleteDatabase. */
public final class DatabaseOperations {
    private static final int MAX_PAGE = 100;

    private final Catalog catalog;
    private final CatalogId catalogId;
    private final Timestamps timestamps;
    private final ObjectMapper mapper;
    private final PageToken pageToken;

    public DatabaseOperations(Catalog catalog, CatalogId catalogId, Timestamps timestamps, ObjectMapper mapper) {
        this.catalog = catalog;
        this.catalogId = catalogId;
        this.timestamps = timestamps;
        this.mapper = mapper;
        this.pageToken = new PageToken(mapper);
    }

    public Map<String, GlueOperation> operations() {
        return Map.of(
                "CreateDatabase", this::createDatabase,
                "GetDatabase", this::getDatabase,
                "GetDatabases", this::getDatabases,
                "UpdateDatabase", this::updateDatabase,
                "DeleteDatabase", this::deleteDatabase);
    }

    private ObjectNode createDatabase(ObjectNode body) {
        RequestFields request = RequestFields.of(body);
        catalogId.check(request);
        RequestFields input = request.structure("DatabaseInput");
        ObjectNode database = input.body().deepCopy();
        database.put("Name", input.name("Name"));
        database.set("CreateTime", timestamps.now());
        database.put("CatalogId", catalogId.value());
        if (!database.has("CreateTableDefaultPermissions")) {
            database.set("CreateTableDefaultPermissions", defaultPermissions());
        }
        catalog.createDatabase(database);
        return mapper.createObjectNode();
    }

    private ObjectNode getDatabase(ObjectNode body) {
        RequestFields request = RequestFields.of(body);
        catalogId.check(request);
        ObjectNode response = mapper.createObjectNode();
        response.set("Database", catalog.database(request.name("Name")));
        return response;
    }

    private ObjectNode getDatabases(ObjectNode body) {
        RequestFields request = RequestFields.of(body);
        catalogId.check(request);
        int limit = request.optionalInt("MaxResults", 1, MAX_PAGE).orElse(MAX_PAGE);
        Optional<String> after =
                pageToken.decode(request.optionalText("NextToken")).map(last -> last.get(0));
        boolean namesOnly = attributesToGet(body).equals(List.of("NAME"));
        List<ObjectNode> remaining = catalog.databases().stream()
                .filter(d -> after.isEmpty() || d.path("Name").asText().compareTo(after.get()) > 0)
                .toList();
        ObjectNode response = mapper.createObjectNode();
        ArrayNode list = response.putArray("DatabaseList");
        remaining.stream()
                .limit(limit)
                .map(d -> namesOnly
                        ? mapper.createObjectNode().put("Name", d.path("Name").asText())
                        : d)
                .forEach(list::add);
        if (remaining.size() > limit) {
            response.put(
                    "NextToken",
                    pageToken.encode(
                            List.of(remaining.get(limit - 1).path("Name").asText())));
        }
        return response;
    }

    private ObjectNode updateDatabase(ObjectNode body) {
        RequestFields request = RequestFields.of(body);
        catalogId.check(request);
        String name = request.name("Name");
        RequestFields input = request.structure("DatabaseInput");
        String newName = input.name("Name");
        catalog.updateDatabase(name, current -> {
            ObjectNode database = input.body().deepCopy();
            database.put("Name", newName);
            database.set("CreateTime", current.get("CreateTime"));
            database.put("CatalogId", catalogId.value());
            if (!database.has("CreateTableDefaultPermissions")) {
                database.set("CreateTableDefaultPermissions", current.get("CreateTableDefaultPermissions"));
            }
            return database;
        });
        return mapper.createObjectNode();
    }

    private ObjectNode deleteDatabase(ObjectNode body) {
        RequestFields request = RequestFields.of(body);
        catalogId.check(request);
        catalog.deleteDatabase(request.name("Name"));
        return mapper.createObjectNode();
    }

    private List<String> attributesToGet(ObjectNode body) {
        return body.has("AttributesToGet") ? RequestFields.of(body).strings("AttributesToGet", 1, 10) : List.of();
    }

    /** What Glue grants on new tables unless told otherwise: IAM-only access, as before Lake Formation. */
    private JsonNode defaultPermissions() {
        ArrayNode permissions = mapper.createArrayNode();
        ObjectNode grant = permissions.addObject();
        grant.putObject("Principal").put("DataLakePrincipalIdentifier", "IAM_ALLOWED_PRINCIPALS");
        grant.putArray("Permissions").add("ALL");
        return permissions;
    }
}
