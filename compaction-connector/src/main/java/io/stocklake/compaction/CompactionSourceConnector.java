package io.stocklake.compaction;

import io.stocklake.compaction.config.CompactionConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * Compacts the sink's closed partitions. A source connector only so that Connect runs, spreads and restarts its
 * tasks: they produce no records. Each task owns a hash share of the partitions; what a compaction has done is
 * kept beside the partition's files, in a state object written conditionally, not in Connect's offsets.
 */
public final class CompactionSourceConnector extends SourceConnector {

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        new CompactionConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return CompactionSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> task = new HashMap<>(props);
            task.put(CompactionConfig.TASK_INDEX, Integer.toString(i));
            task.put(CompactionConfig.TASK_COUNT, Integer.toString(maxTasks));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {}

    @Override
    public ConfigDef config() {
        return CompactionConfig.configDef();
    }

    @Override
    public String version() {
        return Version.get();
    }
}
