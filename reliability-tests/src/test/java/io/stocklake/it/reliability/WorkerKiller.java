package io.stocklake.it.reliability;

import io.stocklake.stack.ConnectCluster;
import io.stocklake.stack.ConnectWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Kills Connect workers with SIGKILL at random moments and starts each again at once, in the background, so kills
 * land during uploads, registrations and the rebalances earlier kills caused. At least one worker stays up.
 */
final class WorkerKiller {

    private final ConnectCluster cluster;
    private final Random random;
    private final Map<ConnectWorker, CompletableFuture<Void>> restarting = new HashMap<>();
    private final List<String> kills = new ArrayList<>();

    WorkerKiller(ConnectCluster cluster, long seed) {
        this.cluster = cluster;
        this.random = new Random(seed);
    }

    /** Kills {@code count} times, waiting a random time within [minGap, maxGap) before each kill. */
    void killAndRestart(int count, Duration minGap, Duration maxGap) {
        long started = System.nanoTime();
        for (int kill = 1; kill <= count; kill++) {
            TickLake.pause(
                    Duration.ofMillis(minGap.toMillis() + random.nextLong(maxGap.toMillis() - minGap.toMillis())));
            List<ConnectWorker> up = up();
            while (up.size() < 2) {
                if (restarting.isEmpty()) {
                    throw new IllegalStateException("Fewer than two Connect workers run and none is starting");
                }
                CompletableFuture.anyOf(restarting.values().toArray(CompletableFuture[]::new))
                        .join();
                up = up();
            }
            ConnectWorker victim = up.get(random.nextInt(up.size()));
            victim.kill();
            kills.add(String.format("%5.1f s: %s", (System.nanoTime() - started) / 1e9, victim.id()));
            restarting.put(victim, CompletableFuture.runAsync(victim::start));
        }
        awaitRestarts();
    }

    /** When and which worker each kill hit, for failure messages. */
    List<String> kills() {
        return List.copyOf(kills);
    }

    private void awaitRestarts() {
        CompletableFuture.allOf(restarting.values().toArray(CompletableFuture[]::new))
                .join();
        restarting.clear();
    }

    private List<ConnectWorker> up() {
        // join() rethrows a failed restart instead of forgetting it.
        restarting.values().stream().filter(CompletableFuture::isDone).forEach(CompletableFuture::join);
        restarting.values().removeIf(CompletableFuture::isDone);
        return cluster.workers().stream()
                .filter(w -> w.isRunning() && !restarting.containsKey(w))
                .toList();
    }
}
