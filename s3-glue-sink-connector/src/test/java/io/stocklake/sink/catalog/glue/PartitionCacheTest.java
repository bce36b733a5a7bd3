package io.stocklake.sink.catalog.glue;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.sink.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T03:00:00Z"));
    private final PartitionCache cache = new PartitionCache(10, Duration.ofMinutes(1), clock);
    private final PartitionCache.Key hour3 = new PartitionCache.Key("ticks", List.of("2026-11-24", "03"));

    @Test
    void aPartitionIsTrustedForItsTtlThenLookedUpAgain() {
        cache.add(hour3, "s3://lake/ticks/dt=2026-11-24/hour=03/");

        clock.advance(Duration.ofSeconds(59));
        assertThat(cache.contains(hour3)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.contains(hour3)).isFalse();
    }

    @Test
    void forgettingATableReturnsItsPartitionsAndKeepsTheOthers() {
        PartitionCache.Key other = new PartitionCache.Key("quotes", List.of("2026-11-24", "03"));
        cache.add(hour3, "s3://lake/ticks/dt=2026-11-24/hour=03/");
        cache.add(other, "s3://lake/quotes/dt=2026-11-24/hour=03/");

        assertThat(cache.forget("ticks"))
                .isEqualTo(Map.of(List.of("2026-11-24", "03"), "s3://lake/ticks/dt=2026-11-24/hour=03/"));
        assertThat(cache.contains(hour3)).isFalse();
        assertThat(cache.contains(other)).isTrue();
    }
}
