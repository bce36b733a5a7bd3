package io.stocklake.source.ticks;

/**
 * Splits {@code max.ticks} over the symbols of the universe, by the symbol's place in it, so the total and each
 * symbol's share are the same however many tasks the symbols are spread over.
 *
 * @param maxTicks total ticks of the run; 0 for no limit
 * @param symbols  symbols in the universe
 */
public record TickBudget(long maxTicks, int symbols) {

    public TickBudget {
        if (maxTicks < 0 || symbols <= 0) {
            throw new IllegalArgumentException("need maxTicks >= 0 and symbols > 0: " + maxTicks + ", " + symbols);
        }
    }

    /** The last sequence number the symbol at {@code index} may emit. */
    public long lastSeq(int index) {
        if (maxTicks == 0) {
            return Long.MAX_VALUE;
        }
        return maxTicks / symbols + (index < maxTicks % symbols ? 1 : 0);
    }
}
