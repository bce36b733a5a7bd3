package io.stocklake.infrastructure;

import io.stocklake.infrastructure.connect.AwsOverlay;
import io.stocklake.infrastructure.iam.PolicyNames;
import io.stocklake.infrastructure.settings.Context;
import io.stocklake.infrastructure.settings.DeploymentSettings;
import io.stocklake.infrastructure.settings.MskConnectSettings;
import io.stocklake.infrastructure.stacks.AlarmsStack;
import io.stocklake.infrastructure.stacks.LakeStack;
import io.stocklake.infrastructure.stacks.MskClusterStack;
import io.stocklake.infrastructure.stacks.MskConnectStack;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * The CDK app ({@code cdk synth}, {@code cdk deploy} in this module's folder): the lake, MSK Connect when the
 * context names a cluster or asks for one (and then that cluster), and the alarms. Settings come from the context
 * (docs/aws.md lists them).
 */
public final class StockLakeApp {

    /** The stacks of one synthesis. */
    public record Stacks(
            DeploymentSettings settings,
            LakeStack lake,
            Optional<MskClusterStack> mskCluster,
            Optional<MskConnectStack> mskConnect,
            AlarmsStack alarms) {}

    private static final String CROSS_STACK_REFERENCES = "@aws-cdk/core:defaultCrossStackReferences";

    private StockLakeApp() {}

    public static void main(String[] args) {
        App app = new App();
        build(app, System.getenv());
        app.synth();
    }

    /**
     * Adds the stacks to {@code app}. The account and region are the context's {@code account} / {@code region},
     * else the CLI's ({@code CDK_DEFAULT_ACCOUNT} / {@code CDK_DEFAULT_REGION} in {@code environmentVariables}),
     * else left to deployment.
     */
    public static Stacks build(App app, Map<String, String> environmentVariables) {
        // The MSK Connect stack imports the roles' ARNs: keep the exports while they are imported (the CDK's
        // default, named so that the CDK does not warn about choosing it).
        if (app.getNode().tryGetContext(CROSS_STACK_REFERENCES) == null) {
            app.getNode().setContext(CROSS_STACK_REFERENCES, "strong");
        }
        Context context = new Context(app.getNode());
        Optional<String> account =
                context.text("account").or(() -> nonBlank(environmentVariables.get("CDK_DEFAULT_ACCOUNT")));
        Optional<String> region =
                context.text("region").or(() -> nonBlank(environmentVariables.get("CDK_DEFAULT_REGION")));
        Environment.Builder environment = Environment.builder();
        account.ifPresent(environment::account);
        region.ifPresent(environment::region);
        StackProps props = StackProps.builder().env(environment.build()).build();

        // Names take the account and region literally when known, as pseudo parameters resolved at deployment
        // otherwise.
        String accountName = account.orElse(Aws.ACCOUNT_ID);
        String regionName = region.orElse(Aws.REGION);
        // cdk.json runs the app in this module's folder, beside the connector modules that build the archives.
        Path repository = Path.of("..").toAbsolutePath().normalize();
        DeploymentSettings settings = DeploymentSettings.from(context, accountName, regionName, repository, version());

        PolicyNames policyNames = new PolicyNames(
                regionName,
                accountName,
                settings.lake().bucketName(),
                settings.lake().prefix(),
                settings.lake().database(),
                settings.mskConnect()
                        .filter(msk -> msk.authentication() == MskConnectSettings.Authentication.IAM)
                        .map(MskConnectSettings::clusterName),
                settings.source().get("topic"),
                settings.sink().get("errors.deadletterqueue.topic.name"),
                settings.source().name(),
                settings.sink().name(),
                settings.lake().kmsKeyArn());

        LakeStack lake = new LakeStack(app, "StockLake", props, settings.lake(), settings.athena(), policyNames);
        Optional<MskClusterStack> mskCluster = settings.mskConnect()
                .filter(msk -> msk.newCluster().isPresent())
                .map(msk -> new MskClusterStack(app, "StockLakeMsk", props, msk));
        Optional<MskConnectStack> mskConnect = settings.mskConnect()
                .map(msk -> new MskConnectStack(
                        app,
                        "StockLakeMskConnect",
                        props,
                        msk,
                        msk.existingCluster()
                                .map(MskConnectSettings.ExistingCluster::bootstrapServers)
                                .orElseGet(() -> mskCluster.orElseThrow().bootstrapServers()),
                        settings.source().with(AwsOverlay.source()),
                        settings.sink().with(AwsOverlay.sink(settings.lake(), regionName)),
                        lake.roles().sourceRole(),
                        lake.roles().sinkRole()));
        AlarmsStack alarms = new AlarmsStack(app, "StockLakeAlarms", props, settings);
        Tags.of(app).add("project", "stocklake");
        return new Stacks(settings, lake, mskCluster, mskConnect, alarms);
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /** The project's version, which names the release archives. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = StockLakeApp.class.getResourceAsStream("/stocklake-infrastructure.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
