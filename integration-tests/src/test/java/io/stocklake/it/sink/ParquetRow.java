package io.stocklake.it.sink;

import java.time.Instant;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/** A Parquet record read with parquet-java's example Group API. */
record ParquetRow(Group group) implements LakeRow {

    @Override
    public String text(String field) {
        return group.getFieldRepetitionCount(field) == 0 ? null : group.getString(field, 0);
    }

    @Override
    public long int64(String field) {
        PrimitiveTypeName type = primitive(field).getPrimitiveTypeName();
        return type == PrimitiveTypeName.INT32 ? group.getInteger(field, 0) : group.getLong(field, 0);
    }

    @Override
    public double float64(String field) {
        return group.getDouble(field, 0);
    }

    @Override
    public boolean bool(String field) {
        return group.getBoolean(field, 0);
    }

    /** Only INT64 TIMESTAMP(MILLIS, adjusted to UTC) counts: what Athena reads as an instant. */
    @Override
    public Instant timestamp(String field) {
        PrimitiveType type = primitive(field);
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (type.getPrimitiveTypeName() != PrimitiveTypeName.INT64
                || !(logical instanceof TimestampLogicalTypeAnnotation timestamp)
                || timestamp.getUnit() != LogicalTypeAnnotation.TimeUnit.MILLIS
                || !timestamp.isAdjustedToUTC()) {
            throw new AssertionError(field + " is not an INT64 TIMESTAMP(MILLIS, UTC) column: " + type);
        }
        return Instant.ofEpochMilli(group.getLong(field, 0));
    }

    private PrimitiveType primitive(String field) {
        return group.getType().getType(field).asPrimitiveType();
    }
}
