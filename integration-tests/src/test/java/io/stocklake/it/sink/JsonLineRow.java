package io.stocklake.it.sink;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A JSON line read with Jackson; timestamps are Hive text ({@code yyyy-MM-dd HH:mm:ss.SSS}, UTC). */
record JsonLineRow(JsonNode node) implements LakeRow {

    @Override
    public String text(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    @Override
    public long int64(String field) {
        return require(field).longValue();
    }

    @Override
    public double float64(String field) {
        return require(field).doubleValue();
    }

    @Override
    public boolean bool(String field) {
        JsonNode value = require(field);
        if (!value.isBoolean()) {
            throw new AssertionError(field + " is not a JSON boolean: " + value);
        }
        return value.booleanValue();
    }

    @Override
    public Instant timestamp(String field) {
        return HiveTimestamps.parse(require(field).textValue());
    }

    private JsonNode require(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new AssertionError("No value for " + field + " in " + node);
        }
        return value;
    }
}
