package io.stocklake.sink.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A value of a closed set as the settings spell it; the set is an enum, its spellings come from here. */
public interface ConfigName {

    /** The constant's name in lowercase, unless the set spells its values otherwise. */
    default String configName() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /** Every spelling of the set, in declaration order: the valid values a key lists. */
    static <E extends Enum<E> & ConfigName> String[] all(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(ConfigName::configName)
                .toArray(String[]::new);
    }

    /** The value spelled {@code name}, ignoring case and surrounding blanks; empty when none is. */
    static <E extends Enum<E> & ConfigName> Optional<E> find(Class<E> type, String name) {
        String wanted = name == null ? "" : name.trim();
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.configName().equalsIgnoreCase(wanted))
                .findFirst();
    }

    /** As {@link #find}, for a value a validator has already accepted. */
    static <E extends Enum<E> & ConfigName> E parse(Class<E> type, String name) {
        return find(type, name)
                .orElseThrow(() -> new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + name
                        + "'; expected one of " + Arrays.toString(all(type))));
    }
}
