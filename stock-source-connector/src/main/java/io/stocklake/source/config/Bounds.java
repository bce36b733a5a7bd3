package io.stocklake.source.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * A numeric interval for a DOUBLE setting. Unlike {@link ConfigDef.Range} it can exclude its lower end, which is
 * what "positive" means, and it says so in plain words.
 */
record Bounds(double min, boolean minExclusive, double max) implements ConfigDef.Validator {

    static Bounds positiveUpTo(double max) {
        return new Bounds(0, true, max);
    }

    static Bounds between(double min, double max) {
        return new Bounds(min, false, max);
    }

    @Override
    public void ensureValid(String name, Object value) {
        double number = ((Number) value).doubleValue();
        boolean aboveMin = minExclusive ? number > min : number >= min;
        if (!aboveMin || !(number <= max)) {
            throw new ConfigException(name, value, "must be " + describe());
        }
    }

    private String describe() {
        String lower = minExclusive ? "greater than " + format(min) : "at least " + format(min);
        return lower + " and at most " + format(max);
    }

    @Override
    public String toString() {
        return (minExclusive ? "(" : "[") + format(min) + ", " + format(max) + "]";
    }

    private static String format(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15
                ? Long.toString((long) number)
                : Double.toString(number);
    }
}
