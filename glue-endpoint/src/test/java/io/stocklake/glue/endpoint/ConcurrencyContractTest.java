package io.stocklake.glue.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.Partition;

/** Several clients registering partitions at once, as several sink tasks do. */
class ConcurrencyContractTest {
    private static final int THREADS = 6;
    private static final int PARTITIONS_PER_THREAD = 20;

    @TempDir
    Path dataDir;

    @Test
    void partitionsCreatedFromManyThreadsAreAllKeptAndStored() throws Exception {
        try (LocalGlue local = start()) {
            local.createDatabase("market");
            local.createTable("market", "ticks");

            runConcurrently(thread -> () -> {
                for (int i = 0; i < PARTITIONS_PER_THREAD; i++) {
                    String hour = thread + "-" + i;
                    local.glue.createPartition(r -> r.databaseName("market")
                            .tableName("ticks")
                            .partitionInput(LocalGlue.partition("ticks", "2026-11-24", hour)));
                }
                return true;
            });

            assertThat(partitions(local)).hasSize(THREADS * PARTITIONS_PER_THREAD);
        }
        try (LocalGlue restarted = start()) {
            assertThat(partitions(restarted))
                    .hasSize(THREADS * PARTITIONS_PER_THREAD)
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void ofManyThreadsCreatingTheSamePartitionExactlyOneSucceeds() throws Exception {
        try (LocalGlue local = start()) {
            local.createDatabase("market");
            local.createTable("market", "ticks");

            List<Boolean> created = runConcurrently(thread -> () -> {
                try {
                    local.glue.createPartition(r -> r.databaseName("market")
                            .tableName("ticks")
                            .partitionInput(LocalGlue.partition("ticks", "2026-11-24", "03")));
                    return true;
                } catch (AlreadyExistsException e) {
                    return false;
                }
            });

            assertThat(created).containsOnlyOnce(true);
        }
    }

    private interface Task {
        Callable<Boolean> forThread(int thread);
    }

    private static List<Boolean> runConcurrently(Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                futures.add(pool.submit(task.forThread(thread)));
            }
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<List<String>> partitions(LocalGlue local) {
        List<List<String>> values = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = local.glue.getPartitions(r ->
                    r.databaseName("market").tableName("ticks").maxResults(50).nextToken(next));
            page.partitions().stream().map(Partition::values).forEach(values::add);
            token = page.nextToken();
        } while (token != null);
        return values;
    }

    private LocalGlue start() {
        return LocalGlue.start(GlueEndpointConfig.defaults().withDataDirectory(dataDir));
    }
}
