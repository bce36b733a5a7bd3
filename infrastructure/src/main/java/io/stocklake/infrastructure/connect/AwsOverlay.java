package io.stocklake.infrastructure.connect;

import io.stocklake.infrastructure.settings.LakeSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys a deployment sets on the shipped connector configs: where the lake is (bucket, region, prefix,
 * database) and how it is encrypted. Everything else runs on MSK Connect as it runs locally. The source writes
 * to Kafka only and gets nothing.
 */
public final class AwsOverlay {

    private AwsOverlay() {}

    public static Map<String, String> sink(LakeSettings lake, String region) {
        Map<String, String> overlay = new LinkedHashMap<>();
        overlay.put("s3.bucket.name", lake.bucketName());
        overlay.put("s3.region", region);
        overlay.put("topics.dir", lake.prefix());
        overlay.put("glue.database", lake.database());
        lake.kmsKeyArn().ifPresent(key -> {
            overlay.put("s3.sse", "aws:kms");
            overlay.put("s3.sse.kms.key.id", key);
        });
        if (lake.partitionProjection()) {
            overlay.put("glue.partition.projection.enabled", "true");
        }
        return overlay;
    }

    public static Map<String, String> source() {
        return Map.of();
    }
}
