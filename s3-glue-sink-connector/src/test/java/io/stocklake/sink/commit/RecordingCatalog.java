package io.stocklake.sink.commit;

import io.stocklake.sink.catalog.CatalogException;
import io.stocklake.sink.catalog.PartitionCatalog;
import io.stocklake.sink.catalog.PartitionRegistration;
import io.stocklake.sink.catalog.TableDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A catalog that records what it is told, can run a check when told, and can fail. */
final class RecordingCatalog implements PartitionCatalog {

    final List<TableDefinition> tables = new ArrayList<>();
    final List<PartitionRegistration> partitions = new ArrayList<>();
    Consumer<List<PartitionRegistration>> onRegister = p -> {};
    boolean failing;

    @Override
    public void ensureTable(TableDefinition definition) {
        tables.add(definition);
    }

    @Override
    public void register(List<PartitionRegistration> batch) {
        if (failing) {
            throw new CatalogException("planted catalog failure", null);
        }
        onRegister.accept(batch);
        partitions.addAll(batch);
    }
}
