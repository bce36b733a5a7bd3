package io.stocklake.sink.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The sink's settings, one fragment per concern: S3, credentials, object layout, file format, errors, rotation
 * and memory, the Glue catalog, and the Kafka metadata columns. Each fragment owns its keys and the checks across them; this class puts them
 * together and refuses a configuration that any of them refuses.
 */
public final class SinkConfig extends AbstractConfig {

    private final Fragments fragments;

    /** Parses and checks; ConfigException names the first key in the way. */
    public SinkConfig(Map<String, String> props) {
        super(configDef(), props);
        fragments = Fragments.of(values(), props);
        List<String> problems = new ArrayList<>();
        fragments.check((key, message) -> problems.add(key + ": " + message));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.get(0));
        }
    }

    /** Every key of every fragment, grouped as users look for them. */
    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        KeyOrder order = new KeyOrder();
        StorageConfig.define(def, order);
        CredentialsConfig.define(def, order);
        LayoutConfig.define(def, order);
        FormatConfig.define(def, order);
        ErrorsConfig.define(def, order);
        RotationConfig.define(def, order);
        CatalogConfig.define(def, order);
        MetadataConfig.define(def, order);
        return def;
    }

    /**
     * Adds the problems across keys to a validation of {@code props}, each on the key it concerns. A check that
     * needs a key the validation refused is left out until that key is fixed.
     */
    public static void checkAcrossKeys(Config validation, Map<String, String> props) {
        Map<String, Object> accepted = new HashMap<>();
        Map<String, ConfigValue> byName = new HashMap<>();
        for (ConfigValue value : validation.configValues()) {
            byName.put(value.name(), value);
            if (value.errorMessages().isEmpty()) {
                accepted.put(value.name(), value.value());
            }
        }
        Fragments.of(accepted, props).check((key, message) -> byName.get(key).addErrorMessage(message));
    }

    /** The fragments over one set of parsed values, checked in the order their problems are reported. */
    private record Fragments(
            StorageConfig storage,
            CredentialsConfig credentials,
            LayoutConfig layout,
            FormatConfig format,
            ErrorsConfig errors,
            RotationConfig rotation,
            CatalogConfig catalog,
            MetadataConfig metadata) {

        static Fragments of(Map<String, ?> values, Map<String, String> props) {
            StorageConfig storage = new StorageConfig(values);
            LayoutConfig layout = new LayoutConfig(values);
            return new Fragments(
                    storage,
                    new CredentialsConfig(values),
                    layout,
                    new FormatConfig(values, props),
                    new ErrorsConfig(values, props),
                    new RotationConfig(values),
                    new CatalogConfig(values, storage, layout, props),
                    new MetadataConfig(values));
        }

        void check(BiConsumer<String, String> problems) {
            format.check(problems);
            layout.check(problems);
            credentials.check(problems);
            storage.check(problems);
            catalog.check(problems);
            metadata.check(problems);
        }
    }

    public StorageConfig storage() {
        return fragments.storage();
    }

    public CredentialsConfig credentials() {
        return fragments.credentials();
    }

    public LayoutConfig layout() {
        return fragments.layout();
    }

    public FormatConfig format() {
        return fragments.format();
    }

    public ErrorsConfig errors() {
        return fragments.errors();
    }

    public RotationConfig rotation() {
        return fragments.rotation();
    }

    public CatalogConfig catalog() {
        return fragments.catalog();
    }

    public MetadataConfig metadata() {
        return fragments.metadata();
    }
}
