package io.stocklake.glue.endpoint.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocklake.glue.endpoint.api.GlueError;
import io.stocklake.glue.endpoint.api.GlueOperation;
import io.stocklake.glue.endpoint.api.RequestFields;
import io.stocklake.glue.endpoint.expression.PartitionExpressionParser;
import io.stocklake.glue.endpoint.expression.PartitionPredicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The partition actions, with Glue's limits: BatchCreatePartition and BatchUpdatePartition take at most 100
 * entries, BatchDeletePartition 25, BatchGetPartition 1000; GetPartitions pages of at most 1000, expressions of
 * at most 2048 characters and at most 10 segments. Batch actions report failures per partition in
 * {@code Errors}, present only when something failed, as Glue does.
 */
public final class PartitionOperations {
    private static final int MAX_VALUES = 100;
    private static final int MAX_BATCH_CREATE = 100;
    private static final int MAX_BATCH_UPDATE = 100;
    private static final int MAX_BATCH_DELETE = 25;
    private static final int MAX_BATCH_GET = 1000;
    private static final int MAX_PAGE = 1000;
    private static final int MAX_EXPRESSION = 2048;
    private static final int MAX_SEGMENTS = 10;

    private final Catalog catalog;
    private final CatalogId catalogId;
    private final Timestamps timestamps;
    private final ObjectMapper mapper;
    private final PageToken pageToken;

    public PartitionOperations(Catalog catalog, CatalogId catalogId, Timestamps timestamps, ObjectMapper mapper) {
        this.catalog = catalog;
        this.catalogId = catalogId;
        this.timestamps = timestamps;
        this.mapper = mapper;
        this.pageToken = new PageToken(mapper);
    }

    public Map<String, GlueOperation> operations() {
        return Map.of(
                "CreatePartition", this::createPartition,
                "BatchCreatePartition", this::batchCreatePartition,
                "GetPartition", this::getPartition,
                "GetPartitions", this::getPartitions,
                "BatchGetPartition", this::batchGetPartition,
                "UpdatePartition", this::updatePartition,
                "BatchUpdatePartition", this::batchUpdatePartition,
                "DeletePartition", this::deletePartition,
                "BatchDeletePartition", this::batchDeletePartition);
    }

    private ObjectNode createPartition(ObjectNode body) {
        TableRef table = table(body);
        RequestFields input = RequestFields.of(body).structure("PartitionInput");
        input.strings("Values", 0, MAX_VALUES);
        catalog.createPartition(table.database, table.name, newPartition(table, input.body()));
        return mapper.createObjectNode();
    }

    private ObjectNode batchCreatePartition(ObjectNode body) {
        TableRef table = table(body);
        List<ObjectNode> inputs = RequestFields.of(body).objects("PartitionInputList", 0, MAX_BATCH_CREATE);
        inputs.forEach(input -> RequestFields.of(input).strings("Values", 0, MAX_VALUES));
        catalog.partitionKeys(table.database, table.name);
        ObjectNode response = mapper.createObjectNode();
        for (ObjectNode input : inputs) {
            attempt(
                    response,
                    "PartitionValues",
                    input.get("Values"),
                    () -> catalog.createPartition(table.database, table.name, newPartition(table, input)));
        }
        return response;
    }

    private ObjectNode getPartition(ObjectNode body) {
        TableRef table = table(body);
        List<String> values = RequestFields.of(body).strings("PartitionValues", 0, MAX_VALUES);
        ObjectNode response = mapper.createObjectNode();
        response.set("Partition", catalog.partition(table.database, table.name, values));
        return response;
    }

    private ObjectNode getPartitions(ObjectNode body) {
        TableRef table = table(body);
        RequestFields request = RequestFields.of(body);
        Optional<String> expression = request.optionalText("Expression", MAX_EXPRESSION);
        int limit = request.optionalInt("MaxResults", 1, MAX_PAGE).orElse(MAX_PAGE);
        PartitionSelection selection = selection(request, expression);
        Optional<List<String>> after = pageToken.decode(request.optionalText("NextToken"));
        boolean excludeColumns = request.flag("ExcludeColumnSchema");
        PartitionPage page = catalog.partitions(table.database, table.name, selection, after, limit);
        ObjectNode response = mapper.createObjectNode();
        ArrayNode partitions = response.putArray("Partitions");
        for (ObjectNode partition : page.partitions()) {
            if (excludeColumns && partition.get("StorageDescriptor") instanceof ObjectNode descriptor) {
                descriptor.remove("Columns");
            }
            partitions.add(partition);
        }
        page.last().ifPresent(last -> response.put("NextToken", pageToken.encode(last)));
        return response;
    }

    private PartitionSelection selection(RequestFields request, Optional<String> expression) {
        String database = request.name("DatabaseName");
        String tableName = request.name("TableName");
        PartitionPredicate predicate =
                PartitionExpressionParser.parse(expression.orElse(""), catalog.partitionKeys(database, tableName));
        Optional<RequestFields> segment = request.optionalStructure("Segment");
        if (segment.isEmpty()) {
            return PartitionSelection.of(predicate);
        }
        int total = segment.get()
                .optionalInt("TotalSegments", 1, MAX_SEGMENTS)
                .orElseThrow(() -> GlueError.validation("segment.totalSegments", null, "Member must not be null"));
        int number = segment.get()
                .optionalInt("SegmentNumber", 0, Integer.MAX_VALUE)
                .orElseThrow(() -> GlueError.validation("segment.segmentNumber", null, "Member must not be null"));
        if (number >= total) {
            throw GlueError.invalidInput("SegmentNumber " + number + " must be less than TotalSegments " + total + ".");
        }
        return new PartitionSelection(predicate, number, total);
    }

    private ObjectNode batchGetPartition(ObjectNode body) {
        TableRef table = table(body);
        List<ObjectNode> wanted = RequestFields.of(body).objects("PartitionsToGet", 1, MAX_BATCH_GET);
        List<List<String>> values = new ArrayList<>();
        wanted.forEach(w -> values.add(RequestFields.of(w).strings("Values", 0, MAX_VALUES)));
        ObjectNode response = mapper.createObjectNode();
        ArrayNode partitions = response.putArray("Partitions");
        catalog.partitions(table.database, table.name, values).forEach(partitions::add);
        response.putArray("UnprocessedKeys");
        return response;
    }

    private ObjectNode updatePartition(ObjectNode body) {
        TableRef table = table(body);
        RequestFields request = RequestFields.of(body);
        List<String> values = request.strings("PartitionValueList", 0, MAX_VALUES);
        ObjectNode input = request.object("PartitionInput");
        catalog.updatePartition(table.database, table.name, values, current -> updated(table, current, input));
        return mapper.createObjectNode();
    }

    private ObjectNode batchUpdatePartition(ObjectNode body) {
        TableRef table = table(body);
        List<ObjectNode> entries = RequestFields.of(body).objects("Entries", 1, MAX_BATCH_UPDATE);
        entries.forEach(e -> {
            RequestFields.of(e).strings("PartitionValueList", 0, MAX_VALUES);
            RequestFields.of(e).object("PartitionInput");
        });
        catalog.partitionKeys(table.database, table.name);
        ObjectNode response = mapper.createObjectNode();
        for (ObjectNode entry : entries) {
            List<String> values = RequestFields.of(entry).strings("PartitionValueList", 0, MAX_VALUES);
            ObjectNode input = (ObjectNode) entry.get("PartitionInput");
            attempt(
                    response,
                    "PartitionValueList",
                    entry.get("PartitionValueList"),
                    () -> catalog.updatePartition(
                            table.database, table.name, values, current -> updated(table, current, input)));
        }
        return response;
    }

    private ObjectNode deletePartition(ObjectNode body) {
        TableRef table = table(body);
        List<String> values = RequestFields.of(body).strings("PartitionValues", 0, MAX_VALUES);
        catalog.deletePartition(table.database, table.name, values);
        return mapper.createObjectNode();
    }

    private ObjectNode batchDeletePartition(ObjectNode body) {
        TableRef table = table(body);
        List<ObjectNode> doomed = RequestFields.of(body).objects("PartitionsToDelete", 1, MAX_BATCH_DELETE);
        doomed.forEach(d -> RequestFields.of(d).strings("Values", 0, MAX_VALUES));
        catalog.partitionKeys(table.database, table.name);
        ObjectNode response = mapper.createObjectNode();
        for (ObjectNode partition : doomed) {
            List<String> values = RequestFields.of(partition).strings("Values", 0, MAX_VALUES);
            attempt(
                    response,
                    "PartitionValues",
                    partition.get("Values"),
                    () -> catalog.deletePartition(table.database, table.name, values));
        }
        return response;
    }

    /** Runs one entry of a batch; a Glue error becomes an entry of the response's {@code Errors}. */
    private void attempt(ObjectNode response, String valuesMember, JsonNode values, Runnable action) {
        try {
            action.run();
        } catch (GlueError error) {
            ArrayNode errors =
                    response.has("Errors") ? (ArrayNode) response.get("Errors") : response.putArray("Errors");
            ObjectNode entry = errors.addObject();
            entry.set(valuesMember, values.deepCopy());
            entry.putObject("ErrorDetail").put("ErrorCode", error.code()).put("ErrorMessage", error.getMessage());
        }
    }

    private ObjectNode newPartition(TableRef table, ObjectNode input) {
        ObjectNode partition = input.deepCopy();
        decorate(table, partition);
        partition.set("CreationTime", timestamps.now());
        return partition;
    }

    private ObjectNode updated(TableRef table, ObjectNode current, ObjectNode input) {
        ObjectNode partition = input.deepCopy();
        if (!partition.has("Values")) {
            partition.set("Values", current.get("Values"));
        }
        decorate(table, partition);
        partition.set("CreationTime", current.get("CreationTime"));
        return partition;
    }

    private void decorate(TableRef table, ObjectNode partition) {
        partition.put("DatabaseName", table.database);
        partition.put("TableName", table.name);
        partition.put("CatalogId", catalogId.value());
    }

    private TableRef table(ObjectNode body) {
        RequestFields request = RequestFields.of(body);
        catalogId.check(request);
        return new TableRef(request.name("DatabaseName"), request.name("TableName"));
    }

    private record TableRef(String database, String name) {}
}
