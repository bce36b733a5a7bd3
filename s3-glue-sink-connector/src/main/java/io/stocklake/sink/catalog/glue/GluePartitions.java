package io.stocklake.sink.catalog.glue;

import io.stocklake.sink.catalog.CatalogException;
import io.stocklake.sink.catalog.PartitionRegistration;
import io.stocklake.sink.catalog.TableRef;
import io.stocklake.sink.config.CatalogConfig;
import io.stocklake.sink.route.ObjectLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionResponse;
import software.amazon.awssdk.services.glue.model.BatchGetPartitionResponse;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionError;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.PartitionValueList;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * Registers partitions of one table: those in the cache cost nothing; the others (new ones, and remembered ones
 * whose trust has expired) are first looked up (BatchGetPartition, which also warms the cache after a restart), and
 * only the still missing ones are created (BatchCreatePartition). A partition that already exists counts as
 * registered only where the sink writes it: one at another location would hide the sink's files from queries, so
 * it fails the registration for good instead of being accepted, unless it is a compacted generation of the sink's
 * folder.
 */
final class GluePartitions {

    private static final Logger log = LoggerFactory.getLogger(GluePartitions.class);
    /** Glue's limits per call. */
    static final int MAX_GET = 1000;

    static final int MAX_CREATE = 100;

    private final GlueClient glue;
    private final CatalogConfig settings;
    private final PartitionCache cache;
    private final GlueMetrics metrics;

    GluePartitions(GlueClient glue, CatalogConfig settings, PartitionCache cache, GlueMetrics metrics) {
        this.glue = glue;
        this.settings = settings;
        this.cache = cache;
        this.metrics = metrics;
    }

    /** CatalogException naming the partitions that could not be registered. */
    void register(String name, List<PartitionRegistration> partitions, TableLookup tables) {
        Map<PartitionCache.Key, PartitionRegistration> missing = new LinkedHashMap<>();
        for (PartitionRegistration partition : partitions) {
            PartitionCache.Key key = new PartitionCache.Key(name, partition.values());
            if (!cache.contains(key)) {
                missing.putIfAbsent(key, partition);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        lookUp(name, missing);
        if (!missing.isEmpty()) {
            create(name, tables.current(name), missing);
        }
        metrics.registrationLatency((System.nanoTime() - start) / 1_000_000);
    }

    /** Removes from {@code missing} (and caches) the partitions the catalog already has. */
    private void lookUp(String name, Map<PartitionCache.Key, PartitionRegistration> missing) {
        for (List<PartitionCache.Key> chunk : chunks(List.copyOf(missing.keySet()), MAX_GET)) {
            List<PartitionValueList> wanted = chunk.stream()
                    .map(k -> PartitionValueList.builder().values(k.values()).build())
                    .toList();
            BatchGetPartitionResponse found = glue.batchGetPartition(r -> r.catalogId(catalogId())
                    .databaseName(settings.database())
                    .tableName(name)
                    .partitionsToGet(wanted));
            for (Partition partition : found.partitions()) {
                PartitionCache.Key key = new PartitionCache.Key(name, partition.values());
                PartitionRegistration registration = missing.remove(key);
                if (registration != null) {
                    checkLocation(name, partition, registration);
                    cache.add(key, registration.location());
                }
            }
        }
    }

    private void create(String name, Table table, Map<PartitionCache.Key, PartitionRegistration> missing) {
        List<String> failures = new ArrayList<>();
        for (List<PartitionCache.Key> chunk : chunks(List.copyOf(missing.keySet()), MAX_CREATE)) {
            List<PartitionInput> inputs = chunk.stream()
                    .map(k -> TableInputs.partition(
                            table, k.values(), missing.get(k).location()))
                    .toList();
            BatchCreatePartitionResponse response = glue.batchCreatePartition(r -> r.catalogId(catalogId())
                    .databaseName(settings.database())
                    .tableName(name)
                    .partitionInputList(inputs));
            Map<List<String>, PartitionError> errors = new HashMap<>();
            for (PartitionError error : response.errors()) {
                errors.put(List.copyOf(error.partitionValues()), error);
            }
            int created = 0;
            Map<PartitionCache.Key, PartitionRegistration> existing = new LinkedHashMap<>();
            for (PartitionCache.Key key : chunk) {
                PartitionError error = errors.get(key.values());
                if (error == null) {
                    created++;
                    cache.add(key, missing.get(key).location());
                } else if ("AlreadyExistsException".equals(error.errorDetail().errorCode())) {
                    // Created meanwhile, by another task or someone else: only its location tells which.
                    existing.put(key, missing.get(key));
                } else {
                    failures.add(key.values() + ": " + error.errorDetail().errorCode() + " "
                            + error.errorDetail().errorMessage());
                }
            }
            metrics.registered(created);
            log.debug("Registered {} new partitions of Glue table {}.{}", created, settings.database(), name);
            if (!existing.isEmpty()) {
                lookUp(name, existing);
                existing.keySet().forEach(k -> failures.add(k.values() + ": existed, then vanished"));
            }
        }
        if (!failures.isEmpty()) {
            throw new CatalogException(
                    "Glue did not register " + failures.size() + " partitions of table " + settings.database() + "."
                            + name + ", e.g. " + failures.get(0),
                    null);
        }
    }

    /**
     * Registers {@code partitions} after the table was created again (it had been dropped outside the sink), together
     * with every partition this task had registered in it, so the records committed before the drop are queryable
     * again too.
     */
    void registerAfterDrop(String name, List<PartitionRegistration> partitions, TableLookup tables) {
        List<PartitionRegistration> all = new ArrayList<>(partitions);
        cache.forget(name)
                .forEach(
                        (values, location) -> all.add(new PartitionRegistration(new TableRef(name), values, location)));
        log.info(
                "Registering {} partitions of the re-created Glue table {}.{} again",
                all.size(),
                settings.database(),
                name);
        register(name, all, tables);
    }

    private void checkLocation(String name, Partition existing, PartitionRegistration wanted) {
        String location = existing.storageDescriptor() == null
                ? null
                : existing.storageDescriptor().location();
        if (location != null && ObjectLayout.isCompactionOf(location, wanted.location())) {
            // Compaction moved readers to a generation of this folder; the files the sink adds there now are
            // folded into the next generation (see the README's compaction section).
            return;
        }
        if (!folder(wanted.location()).equals(location == null ? null : folder(location))) {
            throw CatalogException.permanent(
                    "Glue partition " + wanted.values() + " of table "
                            + settings.database() + "." + name + " exists at " + location
                            + ", but the sink writes it at "
                            + wanted.location()
                            + "; queries would not see the sink's files there. Drop the partition (or "
                            + "point it at " + wanted.location() + ") and the sink registers it again",
                    null);
        }
    }

    /** A folder URI without its trailing slash, as Glue keeps it either way. */
    private static String folder(String location) {
        return location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            chunks.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return chunks;
    }

    private String catalogId() {
        return settings.catalogId().isEmpty() ? null : settings.catalogId();
    }

    /** Where the table's current storage descriptor comes from. */
    @FunctionalInterface
    interface TableLookup {
        Table current(String name);
    }
}
