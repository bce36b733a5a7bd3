package io.stocklake.glue.endpoint.expression;

import java.util.List;

/** A parsed {@code Expression}: decides for one partition, given its values in partition key order. */
@FunctionalInterface
public interface PartitionPredicate {
    PartitionPredicate ALL = values -> true;

    boolean test(List<String> values);
}
