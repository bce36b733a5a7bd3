package io.stocklake.sink.config;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.LambdaValidator;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** The {@code aws.*} keys: the credentials the S3 and Glue clients sign with, and the role they may assume. */
public final class CredentialsConfig extends ConfigFragment {

    public static final String AWS_ACCESS_KEY_ID = "aws.access.key.id";
    public static final String AWS_SECRET_ACCESS_KEY = "aws.secret.access.key";
    public static final String AWS_STS_ROLE_ARN = "aws.sts.role.arn";
    public static final String AWS_STS_ROLE_SESSION_NAME = "aws.sts.role.session.name";
    public static final String AWS_STS_ROLE_EXTERNAL_ID = "aws.sts.role.external.id";

    static final String GROUP = "AWS credentials";
    static final String ROLE_SESSION_NAME_DEFAULT = "stocklake-s3-sink";

    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");

    CredentialsConfig(Map<String, ?> values) {
        super(values);
    }

    static void define(ConfigDef def, KeyOrder order) {
        def.define(
                AWS_ACCESS_KEY_ID,
                Type.STRING,
                "",
                Importance.MEDIUM,
                "Static access key; empty uses the default AWS credentials chain (environment, profile, "
                        + "container or instance role).",
                GROUP,
                order.next(GROUP),
                Width.MEDIUM,
                "Access key");
        def.define(
                AWS_SECRET_ACCESS_KEY,
                Type.PASSWORD,
                "",
                Importance.MEDIUM,
                "Secret of aws.access.key.id.",
                GROUP,
                order.next(GROUP),
                Width.MEDIUM,
                "Secret key");
        def.define(
                AWS_STS_ROLE_ARN,
                Type.STRING,
                "",
                LambdaValidator.with(
                        CredentialsConfig::ensureRoleArn,
                        () -> "empty or an IAM role ARN (arn:aws:iam::123456789012:role/name)"),
                Importance.LOW,
                "Role to assume with STS on top of the credentials above; empty for none.",
                GROUP,
                order.next(GROUP),
                Width.LONG,
                "Role ARN");
        def.define(
                AWS_STS_ROLE_SESSION_NAME,
                Type.STRING,
                ROLE_SESSION_NAME_DEFAULT,
                new ConfigDef.NonEmptyString(),
                Importance.LOW,
                "Session name when assuming aws.sts.role.arn.",
                GROUP,
                order.next(GROUP),
                Width.MEDIUM,
                "Role session name");
        def.define(
                AWS_STS_ROLE_EXTERNAL_ID,
                Type.STRING,
                "",
                Importance.LOW,
                "External id when assuming aws.sts.role.arn; empty for none.",
                GROUP,
                order.next(GROUP),
                Width.MEDIUM,
                "Role external id");
    }

    /** A typo in the role surfaces here rather than as an STS error in every task. */
    private static void ensureRoleArn(String name, Object value) {
        String arn = (String) value;
        if (arn != null && !arn.isEmpty() && !ROLE_ARN.matcher(arn).matches()) {
            throw new ConfigException(
                    name, value, "is not an IAM role ARN such as arn:aws:iam::123456789012:role/name");
        }
    }

    /** An external id without a role, and an access key without its secret or the other way round. */
    void check(BiConsumer<String, String> problems) {
        if (accepted(AWS_STS_ROLE_EXTERNAL_ID, AWS_STS_ROLE_ARN)
                && !stsRoleExternalId().isBlank()
                && stsRoleArn().isBlank()) {
            problems.accept(AWS_STS_ROLE_EXTERNAL_ID, "is only used with " + AWS_STS_ROLE_ARN);
        }
        if (accepted(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)) {
            boolean hasKeyId = !accessKeyId().isBlank();
            boolean hasSecret = !secretAccessKey().value().isBlank();
            if (hasKeyId && !hasSecret) {
                problems.accept(AWS_SECRET_ACCESS_KEY, "is required with " + AWS_ACCESS_KEY_ID);
            } else if (hasSecret && !hasKeyId) {
                problems.accept(AWS_ACCESS_KEY_ID, "is required with " + AWS_SECRET_ACCESS_KEY);
            }
        }
    }

    /** Empty: the default AWS credentials chain. */
    public String accessKeyId() {
        return value(AWS_ACCESS_KEY_ID);
    }

    public Password secretAccessKey() {
        return value(AWS_SECRET_ACCESS_KEY);
    }

    /** Empty: no role is assumed. */
    public String stsRoleArn() {
        return value(AWS_STS_ROLE_ARN);
    }

    public String stsRoleSessionName() {
        return value(AWS_STS_ROLE_SESSION_NAME);
    }

    /** Empty for none. */
    public String stsRoleExternalId() {
        return value(AWS_STS_ROLE_EXTERNAL_ID);
    }
}
