package io.stocklake.glue.endpoint.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocklake.glue.endpoint.api.GlueError;
import io.stocklake.glue.endpoint.api.GlueOperation;
import io.stocklake.glue.endpoint.api.RequestFields;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** CreateTable, GetTable, GetTables, UpdateTable, DeleteTable. */
public final class TableOperations {
    private static final int MAX_PAGE = 100;
    private static final int MAX_EXPRESSION = 2048;

    private final Catalog catalog;
    private final CatalogId catalogId;
    private final Timestamps timestamps;
    private final ObjectMapper mapper;
    private final PageToken pageToken;

    public TableOperations(Catalog catalog, CatalogId catalogId, Timestamps timestamps, ObjectMapper mapper) {
        this.catalog = catalog;
        this.catalogId = catalogId;
        this.timestamps = timestamps;
        this.mapper = mapper;
        this.pageToken = new PageToken(mapper);
    }

    public Map<String, GlueOperation> operations() {
        return Map.of(
                "CreateTable", this::createTable,
                "GetTable", this::getTable,
                "GetTables", this::getTables,
                "UpdateTable", this::updateTable,
                "DeleteTable", this::deleteTable);
    }

    private ObjectNode createTable(ObjectNode body) {
        RequestFields request = RequestFields.of(body);
        catalogId.check(request);
        String database = request.name("DatabaseName");
        RequestFields input = request.structure("TableInput");
        ObjectNode table = input.body().deepCopy();
        table.put("Name", input.name("Name"));
        table.put("DatabaseName", database);
        table.set("CreateTime", timestamps.now());
        table.set("UpdateTime", table.get("CreateTime"));
        table.put("VersionId", "0");
        table.put("CatalogId", catalogId.value());
        table.put("IsRegisteredWithLakeFormation", false);
        catalog.createTable(database, table);
        return mapper.createObjectNode();
    }

    private ObjectNode getTable(ObjectNode body) {
        RequestFields request = RequestFields.of(body);
        catalogId.check(request);
        ObjectNode response = mapper.createObjectNode();
        response.set("Table", catalog.table(request.name("DatabaseName"), request.name("Name")));
        return response;
    }

    private ObjectNode getTables(ObjectNode body) {
        RequestFields request = RequestFields.of(body);
        catalogId.check(request);
        String database = request.name("DatabaseName");
        int limit = request.optionalInt("MaxResults", 1, MAX_PAGE).orElse(MAX_PAGE);
        Optional<Pattern> pattern =
                request.optionalText("Expression", MAX_EXPRESSION).map(TableOperations::namePattern);
        Optional<String> after =
                pageToken.decode(request.optionalText("NextToken")).map(last -> last.get(0));
        List<String> attributes = body.has("AttributesToGet") ? request.strings("AttributesToGet", 1, 2) : List.of();
        List<ObjectNode> remaining = catalog.tables(database).stream()
                .filter(t -> pattern.isEmpty()
                        || pattern.get().matcher(t.path("Name").asText()).matches())
                .filter(t -> after.isEmpty() || t.path("Name").asText().compareTo(after.get()) > 0)
                .toList();
        ObjectNode response = mapper.createObjectNode();
        ArrayNode list = response.putArray("TableList");
        remaining.stream()
                .limit(limit)
                .map(t -> attributes.isEmpty() ? t : only(t, attributes))
                .forEach(list::add);
        if (remaining.size() > limit) {
            response.put(
                    "NextToken",
                    pageToken.encode(
                            List.of(remaining.get(limit - 1).path("Name").asText())));
        }
        return response;
    }

    private ObjectNode updateTable(ObjectNode body) {
        RequestFields request = RequestFields.of(body);
        catalogId.check(request);
        String database = request.name("DatabaseName");
        RequestFields input = request.structure("TableInput");
        String name = input.name("Name");
        Optional<String> expectedVersion = request.optionalText("VersionId");
        catalog.updateTable(database, name, current -> {
            String currentVersion = current.path("VersionId").asText("0");
            if (expectedVersion.isPresent() && !expectedVersion.get().equals(currentVersion)) {
                throw GlueError.concurrentModification("Update table failed due to concurrent modifications: version "
                        + expectedVersion.get() + " is not the current version " + currentVersion + ".");
            }
            ObjectNode table = input.body().deepCopy();
            table.put("Name", name);
            table.put("DatabaseName", database);
            table.set("CreateTime", current.get("CreateTime"));
            table.set("UpdateTime", timestamps.now());
            table.put("VersionId", Long.toString(Long.parseLong(currentVersion) + 1));
            table.put("CatalogId", catalogId.value());
            table.put("IsRegisteredWithLakeFormation", false);
            return table;
        });
        return mapper.createObjectNode();
    }

    private ObjectNode deleteTable(ObjectNode body) {
        RequestFields request = RequestFields.of(body);
        catalogId.check(request);
        catalog.deleteTable(request.name("DatabaseName"), request.name("Name"));
        return mapper.createObjectNode();
    }

    private ObjectNode only(ObjectNode table, List<String> attributes) {
        ObjectNode trimmed = mapper.createObjectNode();
        trimmed.set("Name", table.get("Name"));
        if (attributes.contains("TABLE_TYPE") && table.has("TableType")) {
            trimmed.set("TableType", table.get("TableType"));
        }
        return trimmed;
    }

    /** GetTables' Expression is a regular expression over table names, which Glue keeps in lower case. */
    private static Pattern namePattern(String expression) {
        try {
            return Pattern.compile(expression, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw GlueError.invalidInput("Invalid table name expression: " + e.getDescription());
        }
    }
}
