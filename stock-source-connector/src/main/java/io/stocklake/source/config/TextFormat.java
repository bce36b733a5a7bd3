package io.stocklake.source.config;

import java.util.function.Consumer;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** A STRING setting that must parse: the parser's own complaint becomes the message, with the key named. */
record TextFormat(String description, Consumer<String> parser) implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        try {
            parser.accept((String) value);
        } catch (RuntimeException e) {
            throw new ConfigException(name, value, "must be " + description + " (" + e.getMessage() + ")");
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
