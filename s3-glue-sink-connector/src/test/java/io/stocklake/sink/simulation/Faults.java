package io.stocklake.sink.simulation;

import java.util.Random;

/**
 * Decides, from the run's one random source, whether a store or catalog call fails, and whether it stalls: a
 * stalled call either hangs its caller until the scheduler releases it, or fails at once while its effect lands
 * later (a request the client gave up on that the server still carries out). Off during the final drain.
 */
final class Faults {

    /** What becomes of one call. */
    enum Fate {
        OK,
        FAIL,
        FAIL_EFFECT_LATER,
        HANG
    }

    private final Random random;
    private final double failRate;
    private final double stallRate;
    private volatile boolean enabled = true;

    Faults(Random random, double failRate, double stallRate) {
        this.random = random;
        this.failRate = failRate;
        this.stallRate = stallRate;
    }

    Fate fate(boolean mayHang) {
        if (!enabled) {
            return Fate.OK;
        }
        double draw = random.nextDouble();
        if (draw < stallRate) {
            return mayHang && random.nextBoolean() ? Fate.HANG : Fate.FAIL_EFFECT_LATER;
        }
        return draw < stallRate + failRate ? Fate.FAIL : Fate.OK;
    }

    boolean fails() {
        return enabled && random.nextDouble() < failRate;
    }

    void disable() {
        enabled = false;
    }

    boolean enabled() {
        return enabled;
    }
}
