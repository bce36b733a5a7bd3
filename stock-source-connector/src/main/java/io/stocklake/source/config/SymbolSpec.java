package io.stocklake.source.config;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of the {@code symbols} setting: {@code SYMBOL[:start_price[:volatility]]}, e.g. {@code AAPL},
 * {@code ACME:12.50} or {@code ACME:12.50:0.6}.
 */
public record SymbolSpec(String symbol, OptionalDouble startPrice, OptionalDouble volatility) {

    /** Upper-case ticker with an optional share-class suffix such as {@code BRK.B} or {@code BF-B}. */
    private static final Pattern FORMAT =
            Pattern.compile("([A-Z][A-Z0-9]{0,9}(?:[.-][A-Z0-9]{1,4})?)(?::([^:]+)(?::([^:]+))?)?");

    static final double MIN_VOLATILITY = 0;
    static final double MAX_VOLATILITY = 3;
    static final double MAX_PRICE = 1_000_000;

    /** Parses one entry; the message of the exception says what is wrong with it. */
    public static SymbolSpec parse(String text) {
        Matcher matcher = FORMAT.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not SYMBOL[:start_price[:volatility]]"
                    + " with an upper-case SYMBOL such as AAPL or BRK.B");
        }
        OptionalDouble price = number(matcher.group(2), text, "start price");
        OptionalDouble volatility = number(matcher.group(3), text, "volatility");
        if (price.isPresent() && !(price.getAsDouble() > 0 && price.getAsDouble() <= MAX_PRICE)) {
            throw new IllegalArgumentException(
                    "start price in '" + text + "' must be greater than 0 and at most " + (long) MAX_PRICE);
        }
        if (volatility.isPresent() && !validVolatility(volatility.getAsDouble())) {
            throw new IllegalArgumentException("volatility in '" + text + "' is out of range: must be greater than "
                    + (int) MIN_VOLATILITY + " and at most " + (int) MAX_VOLATILITY + " (annualised, 0.25 = 25%)");
        }
        return new SymbolSpec(matcher.group(1), price, volatility);
    }

    static boolean validVolatility(double volatility) {
        return volatility > MIN_VOLATILITY && volatility <= MAX_VOLATILITY;
    }

    private static OptionalDouble number(String text, String entry, String what) {
        if (text == null) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " in '" + entry + "' is not a number");
        }
    }
}
