package io.stocklake.it.sink;

import java.time.Instant;

/** One record as an independent reader decoded it from a lake object, field by field. */
interface LakeRow {

    /** Null when the field is null or absent. */
    String text(String field);

    long int64(String field);

    double float64(String field);

    boolean bool(String field);

    /** A timestamp column, as the instant it denotes in UTC. */
    Instant timestamp(String field);
}
