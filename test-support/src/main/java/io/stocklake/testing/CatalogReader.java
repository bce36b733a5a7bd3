package io.stocklake.testing;

import io.stocklake.stack.S3Server;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * Reads what the sink registered, as a query engine would: a real GlueClient signed with the stack's
 * credentials, calling GetTable and GetPartitions. The sink never calls GetPartitions, so an outage can spare it
 * while the test looks, and it does not blur the counts of the sink's partition calls.
 */
public final class CatalogReader implements AutoCloseable {

    public static final String READ_PARTITIONS = "GetPartitions";

    private final GlueClient glue;

    /** A reader with the stack's default credentials. */
    public CatalogReader(URI endpoint) {
        this(endpoint, S3Server.ACCESS_KEY, S3Server.SECRET_KEY);
    }

    public CatalogReader(URI endpoint, String accessKey, String secretKey) {
        this.glue = GlueClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(S3Server.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public Optional<Table> table(String database, String name) {
        try {
            return Optional.of(
                    glue.getTable(r -> r.databaseName(database).name(name)).table());
        } catch (EntityNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Every partition of the table, none when the table does not exist (yet). */
    public List<Partition> partitions(String database, String table) {
        try {
            return glue.getPartitionsPaginator(r -> r.databaseName(database).tableName(table)).stream()
                    .flatMap(page -> page.partitions().stream())
                    .toList();
        } catch (EntityNotFoundException e) {
            return List.of();
        }
    }

    /** The values ({@code [dt, hour]}) of every partition of the table. */
    public Set<List<String>> partitionValues(String database, String table) {
        return partitions(database, table).stream().map(Partition::values).collect(Collectors.toSet());
    }

    @Override
    public void close() {
        glue.close();
    }
}
