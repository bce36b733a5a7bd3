package io.stocklake.source.market;

/**
 * The SEC Rule 612 minimum price variation: quotes at or above $1.00 move in $0.01, below $1.00 in $0.0001.
 *
 * <p>Prices are held as whole units of $0.0001 so that grid arithmetic is exact; doubles appear only at the
 * record boundary.
 */
public final class PriceGrid {

    /** Price units per dollar: one unit is the finest tick, $0.0001. */
    public static final long UNITS_PER_DOLLAR = 10_000;

    private static final long CENT = 100;

    private PriceGrid() {}

    /** The tick size, in units, that applies to a price of {@code units}. */
    public static long tickAt(long units) {
        return units >= UNITS_PER_DOLLAR ? CENT : 1;
    }

    /** The highest grid price at or below {@code dollars}, never below one unit. */
    public static long floor(double dollars) {
        long units = (long) Math.floor(dollars * UNITS_PER_DOLLAR + 1e-7);
        if (units >= UNITS_PER_DOLLAR) {
            units -= units % CENT;
        }
        return Math.max(1, units);
    }

    /** The lowest grid price at or above {@code dollars}. */
    public static long ceil(double dollars) {
        return ceil((long) Math.ceil(dollars * UNITS_PER_DOLLAR - 1e-7));
    }

    /** The lowest grid price at or above {@code units}. */
    public static long ceil(long units) {
        if (units > UNITS_PER_DOLLAR && units % CENT != 0) {
            return units + CENT - units % CENT;
        }
        return Math.max(1, units);
    }

    /** The next grid price strictly above {@code units}. */
    public static long above(long units) {
        return ceil(units + 1);
    }

    public static boolean isOnGrid(long units) {
        return units >= 1 && (units < UNITS_PER_DOLLAR || units % CENT == 0);
    }

    public static double toDollars(long units) {
        return units / (double) UNITS_PER_DOLLAR;
    }

    /** The price in units if {@code dollars} is a grid price (within floating-point noise), else -1. */
    public static long unitsOf(double dollars) {
        double scaled = dollars * UNITS_PER_DOLLAR;
        long units = Math.round(scaled);
        return Math.abs(scaled - units) < 1e-6 ? units : -1;
    }
}
