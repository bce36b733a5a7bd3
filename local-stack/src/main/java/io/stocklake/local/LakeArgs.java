package io.stocklake.local;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * Parses the flags of {@link LakeMain}. The keys come from the environment ({@value #ACCESS_KEY_ENV},
 * {@value #SECRET_KEY_ENV}) so that they never appear on a command line; without them the lake accepts the
 * keys of {@code ./run-local}.
 */
final class LakeArgs {

    static final String ACCESS_KEY_ENV = "LAKE_ACCESS_KEY";
    static final String SECRET_KEY_ENV = "LAKE_SECRET_KEY";
    static final String USAGE = """
            usage: LakeMain [--bind ADDRESS] [--data-dir DIR] [--s3-port N] [--glue-port N] [--trino-port N]
              S3, the Glue endpoint and Trino only (no Kafka, no Connect); --bind defaults to 127.0.0.1.
              Keys from the environment: %s, %s (default: those of ./run-local).
            """.formatted(ACCESS_KEY_ENV, SECRET_KEY_ENV);

    private LakeArgs() {}

    static LakeSettings parse(String[] args, Map<String, String> environment, Path defaultDataDir) {
        LocalStackSettings defaults = LocalStackSettings.defaults(defaultDataDir, defaultDataDir);
        String bind = LakeSettings.LOOPBACK;
        Path dataDir = defaultDataDir;
        int s3 = defaults.s3Port();
        int glue = defaults.gluePort();
        int trino = defaults.trinoPort();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--bind" -> bind = LocalStackArgs.value(args, ++i, flag);
                case "--data-dir" ->
                    dataDir = Paths.get(LocalStackArgs.value(args, ++i, flag))
                            .toAbsolutePath()
                            .normalize();
                case "--s3-port" -> s3 = LocalStackArgs.port(args, ++i, flag);
                case "--glue-port" -> glue = LocalStackArgs.port(args, ++i, flag);
                case "--trino-port" -> trino = LocalStackArgs.port(args, ++i, flag);
                default -> throw new IllegalArgumentException("Unknown argument: " + flag);
            }
        }
        String accessKey = environment.getOrDefault(ACCESS_KEY_ENV, LocalStackSettings.ACCESS_KEY);
        String secretKey = environment.getOrDefault(SECRET_KEY_ENV, LocalStackSettings.SECRET_KEY);
        if (accessKey.isBlank() || secretKey.isBlank()) {
            throw new IllegalArgumentException(ACCESS_KEY_ENV + " and " + SECRET_KEY_ENV + " must not be blank");
        }
        return new LakeSettings(bind, dataDir, s3, glue, trino, accessKey, secretKey);
    }
}
