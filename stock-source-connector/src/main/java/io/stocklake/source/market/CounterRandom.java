package io.stocklake.source.market;

import java.nio.charset.StandardCharsets;

/**
 * A counter-based random stream: the draws for one (seed, symbol, seq, purpose) are a pure function of those
 * four values, so any tick can be regenerated without replaying the ticks before it.
 *
 * <p>SplitMix64 is written out here rather than taken from {@code SplittableRandom} because the JDK only
 * promises identical sequences within one program run, and offsets outlive JVM upgrades. Transcendental
 * functions go through {@link StrictMath} for the same reason: bit-identical results on every platform.
 */
public final class CounterRandom {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    private CounterRandom(long key) {
        this.state = key;
    }

    /** The stream for one tick of one symbol; {@code purpose} separates independent uses of the same tick. */
    public static CounterRandom of(long seed, String symbol, long seq, int purpose) {
        long key = mix(seed ^ GOLDEN_GAMMA);
        key = mix(key + hash(symbol));
        key = mix(key + seq * GOLDEN_GAMMA);
        key = mix(key + purpose);
        return new CounterRandom(key);
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in (0, 1]: safe to take the logarithm of. */
    public double nextOpenDouble() {
        return ((nextLong() >>> 11) + 1) * DOUBLE_UNIT;
    }

    /** Standard normal, by Box-Muller (one of the pair is discarded to keep the draw count fixed). */
    public double nextGaussian() {
        double radius = StrictMath.sqrt(-2.0 * StrictMath.log(nextOpenDouble()));
        return radius * StrictMath.cos(2.0 * Math.PI * nextDouble());
    }

    /** Exponential with mean 1. */
    public double nextExponential() {
        return -StrictMath.log(nextOpenDouble());
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over UTF-8: stable across JVMs, unlike anything that could change with the String internals. */
    private static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
