package io.stocklake.sink.catalog;

import java.util.List;

/** Registers nothing: files land in S3 only, for crawlers, partition projection or MSCK REPAIR to pick up. */
public final class NoopPartitionCatalog implements PartitionCatalog {

    @Override
    public void ensureTable(TableDefinition definition) {}

    @Override
    public void register(List<PartitionRegistration> partitions) {}
}
