package io.stocklake.source.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Validates and parses the {@code symbols} list: every entry well formed, no symbol twice. */
final class SymbolList implements ConfigDef.Validator {

    static List<SymbolSpec> parse(List<String> entries) {
        List<SymbolSpec> specs = new ArrayList<>(entries.size());
        Set<String> seen = new HashSet<>();
        for (String entry : entries) {
            SymbolSpec spec = SymbolSpec.parse(entry);
            if (!seen.add(spec.symbol())) {
                throw new IllegalArgumentException("duplicate symbol " + spec.symbol());
            }
            specs.add(spec);
        }
        return List.copyOf(specs);
    }

    @Override
    public void ensureValid(String name, Object value) {
        @SuppressWarnings("unchecked")
        List<String> entries = (List<String>) value;
        try {
            parse(entries);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "comma-separated SYMBOL[:start_price[:volatility]]";
    }
}
