package io.stocklake.source.market;

/** A best bid and offer, prices in {@link PriceGrid} units. */
public record Quote(long bidUnits, long askUnits, int bidSize, int askSize) {

    public Quote {
        if (!(bidUnits < askUnits)) {
            throw new IllegalArgumentException("crossed or locked quote: " + bidUnits + " >= " + askUnits);
        }
    }
}
