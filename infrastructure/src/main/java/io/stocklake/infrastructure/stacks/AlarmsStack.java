package io.stocklake.infrastructure.stacks;

import io.stocklake.infrastructure.connect.ConnectorConfig;
import io.stocklake.infrastructure.settings.DeploymentSettings;
import io.stocklake.infrastructure.settings.MskConnectSettings;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * CloudWatch alarms on the signals docs/monitoring.md says to alert on, as far as CloudWatch has them: on MSK
 * Connect a failed task, fewer running tasks than {@code tasks.max}, a task that failed to start, rebalances
 * more often than a few an hour, a source that stopped producing or whose writes lag its polls, a sink that reads
 * nothing while the source writes and a sink falling behind its topic; on the lake S3 server errors under the
 * prefix and Athena's bytes scanned per day. Every alarm notifies one SNS topic. The rest of monitoring.md's
 * signals are worker JMX metrics MSK Connect does not publish (docs/aws.md names them).
 */
public final class AlarmsStack extends Stack {

    /** The sink is falling behind when its lag stays above this many flush sizes (docs/monitoring.md). */
    static final int LAG_FLUSH_SIZES = 3;
    /** Rebalances of one connector's workers in an hour beyond which they flap (docs/monitoring.md: "a few"). */
    static final int REBALANCES_PER_HOUR = 3;
    /** The source's share of polled ticks written to Kafka under which the producer is held back. */
    static final double SOURCE_WRITE_SHARE = 0.5;

    private final Topic topic;

    public AlarmsStack(Construct scope, String id, StackProps props, DeploymentSettings settings) {
        super(scope, id, props);
        topic = Topic.Builder.create(this, "AlarmTopic")
                .displayName("stocklake alarms")
                .build();
        settings.alarmEmail().ifPresent(email -> topic.addSubscription(new EmailSubscription(email)));

        settings.mskConnect().ifPresent(msk -> connectorAlarms(msk, settings.source(), settings.sink()));

        alarm(
                "LakeS3ServerErrors",
                "S3 answers the lake prefix with server errors (5xx) for 15 minutes",
                metric(
                        "AWS/S3",
                        "5xxErrors",
                        "Sum",
                        Duration.minutes(5),
                        Map.of(
                                "BucketName",
                                settings.lake().bucketName(),
                                "FilterId",
                                LakeStack.LAKE_PREFIX_METRICS_ID)),
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                0,
                3,
                TreatMissingData.NOT_BREACHING);
        alarm(
                "AthenaBytesScannedPerDay",
                "Athena queries in the workgroup scanned more than "
                        + settings.athena().dailyBytesAlarm() + " bytes in a day",
                metric(
                        "AWS/Athena",
                        "ProcessedBytes",
                        "Sum",
                        Duration.days(1),
                        Map.of("WorkGroup", settings.athena().workgroup())),
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                settings.athena().dailyBytesAlarm(),
                1,
                TreatMissingData.NOT_BREACHING);
    }

    private void connectorAlarms(MskConnectSettings msk, ConnectorConfig source, ConnectorConfig sink) {
        for (ConnectorConfig connector : new ConnectorConfig[] {source, sink}) {
            String name = connector.name();
            Map<String, String> dimensions = Map.of("ConnectorName", name);
            alarm(
                    id(name, "FailedTasks"),
                    name + " has a failed task",
                    metric("AWS/KafkaConnect", "ErroredTaskCount", "Maximum", Duration.minutes(5), dimensions),
                    ComparisonOperator.GREATER_THAN_THRESHOLD,
                    0,
                    1,
                    TreatMissingData.NOT_BREACHING);
            int tasksMax = Integer.parseInt(connector.get("tasks.max"));
            alarm(
                    id(name, "TasksNotRunning"),
                    name + " runs fewer than its " + tasksMax + " tasks for 5 minutes",
                    metric("AWS/KafkaConnect", "RunningTaskCount", "Minimum", Duration.minutes(5), dimensions),
                    ComparisonOperator.LESS_THAN_THRESHOLD,
                    tasksMax,
                    1,
                    TreatMissingData.BREACHING);
            alarm(
                    id(name, "TaskStartFailed"),
                    name + " had a task fail to start",
                    metric(
                            "AWS/KafkaConnect",
                            "TaskStartupSuccessPercentage",
                            "Minimum",
                            Duration.minutes(5),
                            dimensions),
                    ComparisonOperator.LESS_THAN_THRESHOLD,
                    100,
                    1,
                    TreatMissingData.NOT_BREACHING);
            // A running total per worker: its rise over the hour is the hour's rebalances.
            alarm(
                    id(name, "RebalancesTooOften"),
                    name + "'s workers rebalanced more than " + REBALANCES_PER_HOUR + " times in an hour",
                    MathExpression.Builder.create()
                            .expression("DIFF(completed)")
                            .usingMetrics(Map.of(
                                    "completed",
                                    metric(
                                            "AWS/KafkaConnect",
                                            "RebalanceCompletedTotal",
                                            "Maximum",
                                            Duration.hours(1),
                                            dimensions)))
                            .label("rebalances in the hour")
                            .period(Duration.hours(1))
                            .build(),
                    ComparisonOperator.GREATER_THAN_THRESHOLD,
                    REBALANCES_PER_HOUR,
                    1,
                    TreatMissingData.NOT_BREACHING);
        }
        alarm(
                id(source.name(), "NoTicks"),
                source.name() + " produced no tick for 5 minutes",
                metric(
                        "AWS/KafkaConnect",
                        "SourceRecordPollRate",
                        "Maximum",
                        Duration.minutes(5),
                        Map.of("ConnectorName", source.name())),
                ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD,
                0,
                1,
                TreatMissingData.BREACHING);
        Metric polled = metric(
                "AWS/KafkaConnect",
                "SourceRecordPollRate",
                "Average",
                Duration.minutes(5),
                Map.of("ConnectorName", source.name()));
        Metric written = metric(
                "AWS/KafkaConnect",
                "SourceRecordWriteRate",
                "Average",
                Duration.minutes(5),
                Map.of("ConnectorName", source.name()));
        alarm(
                id(source.name(), "WritesLagPolls"),
                source.name() + " wrote less than "
                        + Math.round(SOURCE_WRITE_SHARE * 100) + "% of the ticks it polled for 10 minutes "
                        + "(the producer is held back)",
                MathExpression.Builder.create()
                        .expression("IF(polled > 0, written / polled, 1)")
                        .usingMetrics(Map.of("polled", polled, "written", written))
                        .label("share of polled ticks written")
                        .period(Duration.minutes(5))
                        .build(),
                ComparisonOperator.LESS_THAN_THRESHOLD,
                SOURCE_WRITE_SHARE,
                2,
                TreatMissingData.NOT_BREACHING);
        // The tick topic grows while the source writes; a sink that then reads nothing is stuck.
        alarm(
                id(sink.name(), "ReadsNothing"),
                sink.name() + " read no record for 15 minutes while " + source.name() + " wrote ticks",
                MathExpression.Builder.create()
                        .expression("IF(FILL(written, 0) > 0 AND FILL(read, 0) <= 0, 1, 0)")
                        .usingMetrics(Map.of(
                                "written",
                                written,
                                "read",
                                metric(
                                        "AWS/KafkaConnect",
                                        "SinkRecordReadRate",
                                        "Maximum",
                                        Duration.minutes(5),
                                        Map.of("ConnectorName", sink.name()))))
                        .label("sink idle while the source writes")
                        .period(Duration.minutes(5))
                        .build(),
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                1,
                3,
                TreatMissingData.NOT_BREACHING);
        long lagThreshold = LAG_FLUSH_SIZES * Long.parseLong(sink.get("flush.size"));
        // Connect's consumer group of a sink is connect-<connector name>.
        alarm(
                id(sink.name(), "FallingBehind"),
                sink.name() + " lags more than " + lagThreshold + " records behind " + sink.get("topics")
                        + " for 10 minutes",
                metric(
                        "AWS/Kafka",
                        "MaxOffsetLag",
                        "Maximum",
                        Duration.minutes(5),
                        Map.of(
                                "Cluster Name",
                                msk.clusterName(),
                                "Consumer Group",
                                "connect-" + sink.name(),
                                "Topic",
                                sink.get("topics"))),
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                lagThreshold,
                2,
                TreatMissingData.NOT_BREACHING);
    }

    private void alarm(
            String id,
            String description,
            IMetric metric,
            ComparisonOperator comparison,
            double threshold,
            int periods,
            TreatMissingData missing) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmDescription(description)
                .metric(metric)
                .comparisonOperator(comparison)
                .threshold(threshold)
                .evaluationPeriods(periods)
                .datapointsToAlarm(periods)
                .treatMissingData(missing)
                .build();
        alarm.addAlarmAction(new SnsAction(topic));
    }

    private static Metric metric(
            String namespace, String name, String statistic, Duration period, Map<String, String> dimensions) {
        return Metric.Builder.create()
                .namespace(namespace)
                .metricName(name)
                .statistic(statistic)
                .period(period)
                .dimensionsMap(dimensions)
                .build();
    }

    /** A construct id from a connector name: {@code stock-ticks-source} + {@code NoTicks}. */
    private static String id(String connector, String what) {
        StringBuilder id = new StringBuilder();
        for (String part : connector.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id + what;
    }
}
