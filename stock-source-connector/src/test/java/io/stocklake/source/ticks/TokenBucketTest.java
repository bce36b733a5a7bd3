package io.stocklake.source.ticks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong nanos = new AtomicLong();
    private final TokenBucket bucket = new TokenBucket(100, nanos::get);

    private int drain() {
        int taken = 0;
        while (bucket.nanosUntilAvailable() == 0) {
            bucket.take();
            taken++;
        }
        return taken;
    }

    @Test
    void startsWithOneToken() {
        assertThat(drain()).isEqualTo(1);
    }

    @Test
    void saysHowLongUntilTheNextToken() {
        drain();

        assertThat(bucket.nanosUntilAvailable()).isEqualTo(10_000_000);
    }

    @Test
    void accruesTokensAtTheRate() {
        drain();
        nanos.addAndGet(250_000_000);

        assertThat(drain()).isEqualTo(25);
    }

    @Test
    void holdsAtMostOneSecondOfTokens() {
        drain();
        nanos.addAndGet(60_000_000_000L);

        assertThat(drain()).isEqualTo(100);
    }
}
