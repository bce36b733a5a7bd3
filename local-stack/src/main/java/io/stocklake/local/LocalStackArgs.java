package io.stocklake.local;

import java.nio.file.Path;
import java.nio.file.Paths;

/** Parses {@code ./run-local} flags into settings. */
final class LocalStackArgs {

    static final String PORT_FLAGS = "--kafka-port, --controller-port, --connect-port, --s3-port, --glue-port, --trino-port";
    static final String USAGE = """
            usage: ./run-local [--data-dir DIR] [--wipe] [--kafka-port N] [--controller-port N] [--connect-port N]
                               [--s3-port N] [--glue-port N] [--trino-port N]
            """;

    private LocalStackArgs() {
    }

    static LocalStackSettings parse(String[] args, Path projectDir, Path stackDir) {
        LocalStackSettings d = LocalStackSettings.defaults(projectDir, stackDir);
        Path dataDir = d.dataDir();
        boolean wipe = false;
        int kafka = d.kafkaPort();
        int controller = d.controllerPort();
        int connect = d.connectPort();
        int s3 = d.s3Port();
        int glue = d.gluePort();
        int trino = d.trinoPort();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--wipe" -> wipe = true;
                case "--data-dir" -> dataDir = Paths.get(value(args, ++i, flag)).toAbsolutePath().normalize();
                case "--kafka-port" -> kafka = port(args, ++i, flag);
                case "--controller-port" -> controller = port(args, ++i, flag);
                case "--connect-port" -> connect = port(args, ++i, flag);
                case "--s3-port" -> s3 = port(args, ++i, flag);
                case "--glue-port" -> glue = port(args, ++i, flag);
                case "--trino-port" -> trino = port(args, ++i, flag);
                default -> throw new IllegalArgumentException("Unknown argument: " + flag);
            }
        }
        return new LocalStackSettings(projectDir, stackDir, dataDir, wipe, kafka, controller, connect, s3, glue, trino);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int port(String[] args, int i, String flag) {
        String text = value(args, i, flag);
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a port number 1-65535, got " + text);
        }
    }
}
