package io.stocklake.source.config;

import io.stocklake.source.market.Instrument;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The source's settings, one fragment per concern: output, universe, clock and rate, session calendar, market
 * model. Each fragment owns its keys and the checks across them; this class puts them together.
 */
public final class SourceConfig extends AbstractConfig {

    private final Fragments fragments;
    private final List<Instrument> instruments;

    /** Parses and validates; a bad configuration throws with every problem, each naming its key. */
    public SourceConfig(Map<String, String> props) {
        super(configDef(), checked(props), false);
        fragments = Fragments.of(values());
        instruments = fragments.universe().instruments();
    }

    private static Map<String, String> checked(Map<String, String> props) {
        List<String> errors = errors(validate(props));
        if (!errors.isEmpty()) {
            throw new ConfigException(String.join("; ", errors));
        }
        return props;
    }

    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        OutputConfig.define(def);
        UniverseConfig.define(def);
        ClockConfig.define(def);
        SessionConfig.define(def);
        ModelConfig.define(def);
        return def;
    }

    /**
     * Validates each setting, then the ones that only make sense together, adding those messages to the setting
     * they concern. A check that needs a setting the validation refused waits until that one is fixed.
     */
    public static Config validate(Map<String, String> props) {
        Map<String, ConfigValue> values = configDef().validateAll(props);
        Map<String, Object> accepted = new HashMap<>();
        values.forEach((name, value) -> {
            if (value.errorMessages().isEmpty()) {
                accepted.put(name, value.value());
            }
        });
        Fragments.of(accepted).check((key, message) -> values.get(key).addErrorMessage(message));
        return new Config(List.copyOf(values.values()));
    }

    /** Every error message of a validation, each naming its key; empty if the configuration is valid. */
    public static List<String> errors(Config config) {
        return config.configValues().stream()
                .flatMap(value -> value.errorMessages().stream())
                .collect(Collectors.toList());
    }

    /** The fragments over one set of parsed values. */
    private record Fragments(
            OutputConfig output, UniverseConfig universe, ClockConfig clock, SessionConfig session, ModelConfig model) {

        static Fragments of(Map<String, ?> values) {
            SessionConfig session = new SessionConfig(values);
            ModelConfig model = new ModelConfig(values, session);
            return new Fragments(
                    new OutputConfig(values),
                    new UniverseConfig(values, model),
                    new ClockConfig(values, session),
                    session,
                    model);
        }

        void check(BiConsumer<String, String> problems) {
            universe.check(problems);
            session.check(problems);
        }
    }

    /** The simulated instruments, in the order the tasks share them out. */
    public List<Instrument> instruments() {
        return instruments;
    }

    /** Mean ticks per trading second of one symbol. */
    public double ratePerSymbol() {
        return clock().ticksPerSecond() / instruments.size();
    }

    public OutputConfig output() {
        return fragments.output();
    }

    public UniverseConfig universe() {
        return fragments.universe();
    }

    public ClockConfig clock() {
        return fragments.clock();
    }

    public SessionConfig session() {
        return fragments.session();
    }

    public ModelConfig model() {
        return fragments.model();
    }
}
