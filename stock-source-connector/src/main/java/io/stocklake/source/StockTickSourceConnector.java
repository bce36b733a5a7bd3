package io.stocklake.source;

import io.stocklake.source.config.SourceConfig;
import io.stocklake.source.config.TaskAssignment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits realistic synthetic stock ticks: deterministic per seed, resumable from its offsets, exactly-once
 * capable, with the symbol universe split across tasks.
 */
public class StockTickSourceConnector extends SourceConnector {

    private static final Logger log = LoggerFactory.getLogger(StockTickSourceConnector.class);

    private Map<String, String> props;
    private SourceConfig settings;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        this.settings = new SourceConfig(props);
        this.props = Map.copyOf(props);
        log.info(
                "Stock ticks to topic {}: {} symbols, {} clock, {} ticks/s, max.ticks {}",
                settings.output().topic(),
                settings.instruments().size(),
                settings.clock().mode().configValue(),
                settings.clock().ticksPerSecond(),
                settings.clock().maxTicks());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return StockTickSourceTask.class;
    }

    /** One task per group of symbols, never more tasks than symbols, so no stream is produced twice. */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        int tasks = Math.max(1, Math.min(maxTasks, settings.instruments().size()));
        List<Map<String, String>> configs = new ArrayList<>(tasks);
        for (int index = 0; index < tasks; index++) {
            configs.add(new TaskAssignment(index, tasks).addTo(props));
        }
        return configs;
    }

    @Override
    public void stop() {}

    @Override
    public ConfigDef config() {
        return SourceConfig.configDef();
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return SourceConfig.validate(connectorConfigs);
    }

    /** Offsets carry the full stream state and records are a pure function of it: replay is exact. */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }
}
