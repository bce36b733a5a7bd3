package io.stocklake.sink.simulation;

import io.stocklake.sink.catalog.CatalogException;
import io.stocklake.sink.catalog.PartitionCatalog;
import io.stocklake.sink.catalog.PartitionRegistration;
import io.stocklake.sink.catalog.TableDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The catalog in memory: tables and their partitions' locations. Calls may fail; someone outside the sink may
 * drop a table or a partition.
 */
final class FaultyCatalog implements PartitionCatalog {

    private final Faults faults;
    private final Trace trace;
    /** Table name to partition location to its values. */
    private final Map<String, Map<String, List<String>>> tables = new HashMap<>();

    FaultyCatalog(Faults faults, Trace trace) {
        this.faults = faults;
        this.trace = trace;
    }

    @Override
    public synchronized void ensureTable(TableDefinition definition) {
        if (faults.fails()) {
            throw new CatalogException(
                    "injected failure: ensure table " + definition.table().name(), null);
        }
        tables.computeIfAbsent(definition.table().name(), t -> new HashMap<>());
    }

    @Override
    public synchronized void register(List<PartitionRegistration> partitions) {
        if (faults.fails()) {
            throw new CatalogException("injected failure: register " + partitions.size() + " partitions", null);
        }
        for (PartitionRegistration partition : partitions) {
            Map<String, List<String>> table = tables.get(partition.table().name());
            if (table == null) {
                throw new CatalogException("no table " + partition.table().name(), null);
            }
            List<String> existing = table.putIfAbsent(partition.location(), partition.values());
            if (existing != null && !existing.equals(partition.values())) {
                throw new CatalogException(partition.location() + " is registered with values " + existing, null);
            }
        }
    }

    /** True when the partition at this {@code s3://} folder is registered in its table. */
    synchronized boolean registered(String table, String location) {
        Map<String, List<String>> partitions = tables.get(table);
        return partitions != null && partitions.containsKey(location);
    }

    /** Somebody drops a table, or one partition of it, outside the sink. */
    synchronized void dropFromOutside(Random random) {
        if (tables.isEmpty()) {
            return;
        }
        String table = tables.keySet().stream().sorted().toList().get(random.nextInt(tables.size()));
        Map<String, List<String>> partitions = tables.get(table);
        if (partitions.isEmpty() || random.nextInt(4) == 0) {
            tables.remove(table);
            trace.add("outside: table " + table + " dropped");
        } else {
            String location = partitions.keySet().stream().sorted().toList().get(random.nextInt(partitions.size()));
            partitions.remove(location);
            trace.add("outside: partition " + location + " dropped");
        }
    }
}
