package io.stocklake.sink.format;

/**
 * The text {@link Double#toString(double)} gives a double that is a short decimal, made without the JDK's
 * shortest-digits search: at most {@value #FRACTION_DIGITS} fractional digits and a magnitude from 0.001 to below
 * 10^7, where {@code Double.toString} writes plain digits. Prices on a tick grid are such decimals. Any other
 * double is left to {@code Double.toString}.
 *
 * <p>Why the text is the same: a double that is the nearest one to a decimal with at most four fractional digits
 * is nearer to it than to any other such decimal (below 10^7 a double's spacing is under 2e-9), so that decimal,
 * without trailing zeros, is its shortest text.
 */
final class ShortDecimal {

    static final int FRACTION_DIGITS = 4;
    /** Sign, seven integer digits, the point and the fraction. */
    static final int MAX_CHARS = 1 + 7 + 1 + FRACTION_DIGITS;

    private static final long SCALE = 10_000;

    private ShortDecimal() {}

    /** Writes the text of {@code value} to {@code text} and returns its length; -1 when it is not a short decimal. */
    static int format(double value, char[] text) {
        double magnitude = Math.abs(value);
        if (!(magnitude >= 1e-3 && magnitude < 1e7)) {
            return -1;
        }
        long scaled = Math.round(magnitude * SCALE);
        if (scaled / (double) SCALE != magnitude) {
            return -1;
        }
        int at = 0;
        if (value < 0) {
            text[at++] = '-';
        }
        int whole = (int) (scaled / SCALE);
        int wholeDigits = 1;
        for (int rest = whole / 10; rest > 0; rest /= 10) {
            wholeDigits++;
        }
        HiveText.digits(text, at, wholeDigits, whole);
        at += wholeDigits;
        text[at++] = '.';
        // Trailing zeros dropped, but at least one digit: 187.5, 187.0.
        int fraction = (int) (scaled % SCALE);
        int fractionDigits = FRACTION_DIGITS;
        while (fractionDigits > 1 && fraction % 10 == 0) {
            fraction /= 10;
            fractionDigits--;
        }
        HiveText.digits(text, at, fractionDigits, fraction);
        return at + fractionDigits;
    }
}
