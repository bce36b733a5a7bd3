package io.stocklake.sink.catalog.glue;

import io.stocklake.sink.catalog.CatalogException;
import io.stocklake.sink.catalog.PartitionCatalog;
import io.stocklake.sink.catalog.PartitionRegistration;
import io.stocklake.sink.catalog.TableDefinition;
import io.stocklake.sink.catalog.TableRef;
import io.stocklake.sink.config.CatalogConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * The Glue Data Catalog behind the sink's catalog seam. Glue failures that outlast the SDK's retries become
 * {@link CatalogException}s: the sink then keeps the files' offsets uncommitted and registers again on
 * redelivery, so nothing is lost while Glue is down.
 */
public final class GlueCatalog implements PartitionCatalog {

    private static final Logger log = LoggerFactory.getLogger(GlueCatalog.class);

    private final GlueClient glue;
    private final CatalogConfig settings;
    private final GlueTables tables;
    private final GluePartitions partitions;
    private final List<AutoCloseable> resources;

    GlueCatalog(
            GlueClient glue,
            CatalogConfig settings,
            PartitionProjection projection,
            GlueMetrics metrics,
            List<AutoCloseable> resources) {
        this.glue = glue;
        this.settings = settings;
        this.tables = new GlueTables(glue, settings, new TableInputs(projection));
        this.partitions = new GluePartitions(
                glue,
                settings,
                new PartitionCache(settings.partitionCacheSize(), settings.partitionCacheTtl(), Clock.systemUTC()),
                metrics);
        this.resources = new ArrayList<>(resources);
    }

    @Override
    public void ensureTable(TableDefinition definition) {
        try {
            tables.ensure(definition);
        } catch (SdkException e) {
            throw failure(
                    "Glue table "
                            + tables.qualified(
                                    settings.tableFor(definition.table().name())) + " could not be checked or created",
                    e);
        }
    }

    @Override
    public Optional<Schema> valueSchema(TableRef table) {
        String name = settings.tableFor(table.name());
        try {
            Table found = tables.existing(name);
            if (found == null) {
                throw CatalogException.permanent(
                        "Glue table " + tables.qualified(name) + " does not exist; values without a schema (such as "
                                + "value.converter.schemas.enable=false) take their columns from it: create it (e.g. "
                                + "in Athena) or point " + CatalogConfig.GLUE_DATABASE + " and "
                                + CatalogConfig.GLUE_TABLE + " at the table that exists, or use a converter "
                                + "with schemas",
                        null);
            }
            return Optional.of(ConnectSchemas.of(
                    tables.qualified(name), found.storageDescriptor().columns()));
        } catch (SdkException e) {
            throw failure("Glue table " + tables.qualified(name) + " could not be read", e);
        }
    }

    @Override
    public void register(List<PartitionRegistration> registrations) {
        if (!settings.registerPartitions()) {
            return;
        }
        Map<String, List<PartitionRegistration>> byTable = new LinkedHashMap<>();
        for (PartitionRegistration registration : registrations) {
            byTable.computeIfAbsent(settings.tableFor(registration.table().name()), t -> new ArrayList<>())
                    .add(registration);
        }
        byTable.forEach((name, batch) -> {
            try {
                try {
                    partitions.register(name, batch, tables::current);
                } catch (EntityNotFoundException e) {
                    // The table (or its database) was dropped outside the sink, and its partitions with it.
                    log.warn(
                            "Glue table {} is gone ({}); creating it again with its partitions",
                            tables.qualified(name),
                            e.getMessage());
                    tables.recreate(name);
                    partitions.registerAfterDrop(name, batch, tables::current);
                }
            } catch (SdkException e) {
                throw failure("Glue partitions of table " + tables.qualified(name) + " could not be registered", e);
            }
        });
    }

    /** A CatalogException saying what failed and why; permanent when no retry can mend the cause. */
    private static CatalogException failure(String what, SdkException e) {
        String permanent = GlueFailures.permanentCause(e);
        return permanent == null
                ? new CatalogException(what + ": " + describe(e), e)
                : CatalogException.permanent(what + ": " + permanent + " (" + describe(e) + ")", e);
    }

    /** The AWS error code first, as Glue's messages do not always name it. */
    private static String describe(SdkException e) {
        if (e instanceof AwsServiceException aws
                && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorCode() != null) {
            return aws.awsErrorDetails().errorCode() + ": " + e.getMessage();
        }
        return e.getMessage();
    }

    @Override
    public void close() {
        glue.close();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Closing {} failed: {}", resource, e.getMessage());
            }
        }
    }
}
