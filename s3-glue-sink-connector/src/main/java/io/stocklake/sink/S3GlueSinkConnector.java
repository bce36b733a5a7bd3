package io.stocklake.sink;

import io.stocklake.sink.config.SinkConfig;
import io.stocklake.sink.config.StorageConfig;
import io.stocklake.sink.config.confluent.ConfluentTranslator;
import io.stocklake.sink.config.confluent.Translation;
import io.stocklake.sink.storage.S3ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/** Writes records to S3 as Hive-partitioned files and registers them in the Glue Data Catalog. */
public class S3GlueSinkConnector extends SinkConnector {

    private Map<String, String> props;

    @Override
    public String version() {
        return Version.get();
    }

    /** Confluent's S3 sink keys become the sink's; the tasks get the translated configuration. */
    @Override
    public void start(Map<String, String> props) {
        Translation translation = translate(props);
        translation.warnAboutUnknownKeys();
        translation.ensureNothingRefused();
        new SinkConfig(translation.config());
        this.props = translation.config();
    }

    @Override
    public Class<? extends Task> taskClass() {
        return S3GlueSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int i = 0; i < maxTasks; i++) {
            configs.add(props);
        }
        return configs;
    }

    @Override
    public void stop() {}

    @Override
    public ConfigDef config() {
        return SinkConfig.configDef();
    }

    /**
     * The single-key checks of the ConfigDef plus the checks across keys, each on the key it concerns, of the
     * configuration with Confluent's keys translated; refused Confluent keys are reported on themselves.
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Translation translation = translate(connectorConfigs);
        translation.warnAboutUnknownKeys();
        Config config = super.validate(translation.config());
        SinkConfig.checkAcrossKeys(config, translation.config());
        translation.report(config);
        boolean valid =
                config.configValues().stream().allMatch(v -> v.errorMessages().isEmpty());
        if (valid && asksForBucketCheck(config)) {
            checkBucket(new SinkConfig(translation.config()), config);
        }
        return config;
    }

    private static Translation translate(Map<String, String> props) {
        return new ConfluentTranslator(SinkConfig.configDef().names()).translate(props);
    }

    /** {@code s3.validate.bucket=true}, read from the validation so a valid config is parsed only when needed. */
    private static boolean asksForBucketCheck(Config config) {
        return config.configValues().stream()
                .anyMatch(v -> v.name().equals(StorageConfig.S3_VALIDATE_BUCKET) && Boolean.TRUE.equals(v.value()));
    }

    /** The optional reachability check: one HeadBucket with the configured credentials and endpoint. */
    private static void checkBucket(SinkConfig settings, Config config) {
        try (S3ObjectStore store = new AwsClients().objectStore(settings)) {
            store.checkBucket();
        } catch (RuntimeException e) {
            config.configValues().stream()
                    .filter(v -> v.name().equals(StorageConfig.S3_BUCKET_NAME))
                    .findFirst()
                    .ifPresent(v -> v.addErrorMessage(e.getMessage()));
        }
    }
}
