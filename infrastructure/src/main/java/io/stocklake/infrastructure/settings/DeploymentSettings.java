package io.stocklake.infrastructure.settings;

import io.stocklake.infrastructure.connect.ConnectorConfig;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything that differs between accounts, read once from the CDK context. Each key has a default except those
 * that only the account can know (the MSK cluster, its VPC).
 *
 * @param alarmEmail an address subscribed to the alarms' topic, if any
 */
public record DeploymentSettings(
        LakeSettings lake,
        AthenaSettings athena,
        Optional<MskConnectSettings> mskConnect,
        Optional<String> alarmEmail,
        ConnectorConfig source,
        ConnectorConfig sink) {

    /**
     * @param account,region the stacks' account and region (CDK tokens where left to deployment)
     * @param pluginDir      where the release archives are by default (the repository's root)
     * @param version        the archives' version
     */
    public static DeploymentSettings from(
            Context context, String account, String region, Path pluginDir, String version) {
        ConnectorConfig source = ConnectorConfig.shipped(ConnectorConfig.SOURCE_FILE);
        ConnectorConfig sink = ConnectorConfig.shipped(ConnectorConfig.SINK_FILE);
        return new DeploymentSettings(
                LakeSettings.from(context, sink, account, region),
                AthenaSettings.from(context),
                MskConnectSettings.from(
                        context,
                        pluginDir.resolve("stock-source-connector/target/stock-source-connector-" + version + ".zip"),
                        pluginDir.resolve("s3-glue-sink-connector/target/s3-glue-sink-connector-" + version + ".zip")),
                context.text("alarmEmail"),
                source,
                sink);
    }
}
