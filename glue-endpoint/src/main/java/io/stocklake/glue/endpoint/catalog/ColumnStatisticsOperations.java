package io.stocklake.glue.endpoint.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocklake.glue.endpoint.api.GlueOperation;
import io.stocklake.glue.endpoint.api.RequestFields;
import java.util.Map;

/**
 * Column statistics, kept by no one: reads answer "none" for an existing table or partition (Trino reads them for
 * GROUP BY on partition columns and fails the query on an error), writes and deletes are accepted and dropped.
 * Also GetUserDefinedFunctions, which answers none.
 */
public final class ColumnStatisticsOperations {
    private final Catalog catalog;
    private final CatalogId catalogId;
    private final ObjectMapper mapper;

    public ColumnStatisticsOperations(Catalog catalog, CatalogId catalogId, ObjectMapper mapper) {
        this.catalog = catalog;
        this.catalogId = catalogId;
        this.mapper = mapper;
    }

    public Map<String, GlueOperation> operations() {
        return Map.of(
                "GetColumnStatisticsForTable", body -> noStatistics(body, false),
                "GetColumnStatisticsForPartition", body -> noStatistics(body, true),
                "UpdateColumnStatisticsForTable", body -> accepted(body, false, "ColumnStatisticsList", 25),
                "UpdateColumnStatisticsForPartition", body -> accepted(body, true, "ColumnStatisticsList", 25),
                "DeleteColumnStatisticsForTable", body -> deleted(body, false),
                "DeleteColumnStatisticsForPartition", body -> deleted(body, true),
                "GetUserDefinedFunctions", this::noFunctions);
    }

    private ObjectNode noStatistics(ObjectNode body, boolean partition) {
        RequestFields request = existing(body, partition);
        request.strings("ColumnNames", 0, 100);
        ObjectNode response = mapper.createObjectNode();
        response.putArray("ColumnStatisticsList");
        response.putArray("Errors");
        return response;
    }

    private ObjectNode accepted(ObjectNode body, boolean partition, String listMember, int maxEntries) {
        existing(body, partition).objects(listMember, 0, maxEntries);
        ObjectNode response = mapper.createObjectNode();
        response.putArray("Errors");
        return response;
    }

    private ObjectNode deleted(ObjectNode body, boolean partition) {
        existing(body, partition).text("ColumnName");
        return mapper.createObjectNode();
    }

    private ObjectNode noFunctions(ObjectNode body) {
        RequestFields request = RequestFields.of(body);
        catalogId.check(request);
        request.optionalText("DatabaseName").ifPresent(catalog::database);
        ObjectNode response = mapper.createObjectNode();
        response.putArray("UserDefinedFunctions");
        return response;
    }

    /** Fails as Glue does when the table (or partition) the statistics belong to does not exist. */
    private RequestFields existing(ObjectNode body, boolean partition) {
        RequestFields request = RequestFields.of(body);
        catalogId.check(request);
        String database = request.name("DatabaseName");
        String table = request.name("TableName");
        if (partition) {
            catalog.partition(database, table, request.strings("PartitionValues", 0, 100));
        } else {
            catalog.table(database, table);
        }
        return request;
    }
}
