package io.stocklake.bench.stack;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * The source benchmark's ceiling: a source whose tasks hand Connect records they read once from a file, so that
 * only Connect's own work per record remains (conversion, producer, offset bookkeeping), none of a connector's.
 */
public class ReplaySourceConnector extends SourceConnector {

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return ReplaySourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return Collections.nCopies(1, props);
    }

    @Override
    public void stop() {}

    @Override
    public ConfigDef config() {
        return ReplaySourceTask.CONFIG;
    }

    @Override
    public String version() {
        return "bench";
    }
}
