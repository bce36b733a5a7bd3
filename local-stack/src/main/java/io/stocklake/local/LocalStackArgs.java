package io.stocklake.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code ./run-local} flags into settings. */
final class LocalStackArgs {

    static final String PORT_FLAGS =
            "--kafka-port, --controller-port, --connect-port, --s3-port, --glue-port, --trino-port, --dashboard-port";
    static final String USAGE = """
            usage: ./run-local [--data-dir DIR] [--wipe] [--secure] [--compaction] [--kafka-port N] [--controller-port N] [--connect-port N]
                               [--s3-port N] [--glue-port N] [--trino-port N]
                               [--dashboard-port N]
                   ./run-local query "SQL" [--param VALUE]... [--data-dir DIR] [--trino-port N]
                   ./run-local query --file athena/ohlcv_1m.sql [--param VALUE]...
              (a query's ? placeholders default to today's date and the current hour, UTC)
              --secure: Kafka on SASL_SSL (SCRAM-SHA-512 over TLS), StandardAuthorizer and least-privilege ACLs, the
                        worker and each connector under its own principal (docs/security.md); its data lives in
                        .local-stack-secure unless --data-dir says otherwise and starts afresh on every run, since
                        its passwords and certificates are made at start
              --compaction: the sink writes minute partitions and the compaction connector compacts each one
                        a few seconds after it ends, so the objects a query reads fall within a minute or two; its
                        data lives in .local-stack-compaction unless --data-dir says otherwise
            """;

    /** What to do: run the stack, or run one query. */
    record Command(LocalStackSettings settings, String sql, List<String> parameters) {
        boolean isQuery() {
            return sql != null;
        }
    }

    private LocalStackArgs() {}

    static Command parse(String[] args, Path projectDir, Path stackDir) {
        LocalStackSettings d = LocalStackSettings.defaults(projectDir, stackDir);
        Path dataDir = null;
        boolean wipe = false;
        boolean secure = false;
        boolean compaction = false;
        int kafka = d.kafkaPort();
        int controller = d.controllerPort();
        int connect = d.connectPort();
        int s3 = d.s3Port();
        int glue = d.gluePort();
        int trino = d.trinoPort();
        int dashboard = d.dashboardPort();
        String sql = null;
        List<String> parameters = new ArrayList<>();
        int first = 0;
        if (args.length > 0 && args[0].equals("query")) {
            first = 1;
            sql = "";
        }
        for (int i = first; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--file" -> sql = read(projectDir, value(args, ++i, flag));
                case "--param" -> parameters.add(value(args, ++i, flag));
                case "--wipe" -> wipe = true;
                case "--secure" -> secure = true;
                case "--compaction" -> compaction = true;
                case "--data-dir" ->
                    dataDir = Paths.get(value(args, ++i, flag)).toAbsolutePath().normalize();
                case "--kafka-port" -> kafka = port(args, ++i, flag);
                case "--controller-port" -> controller = port(args, ++i, flag);
                case "--connect-port" -> connect = port(args, ++i, flag);
                case "--s3-port" -> s3 = port(args, ++i, flag);
                case "--glue-port" -> glue = port(args, ++i, flag);
                case "--trino-port" -> trino = port(args, ++i, flag);
                case "--dashboard-port" -> dashboard = port(args, ++i, flag);
                default -> {
                    if (sql == null || flag.startsWith("--") || !sql.isEmpty()) {
                        throw new IllegalArgumentException("Unknown argument: " + flag);
                    }
                    sql = flag;
                }
            }
        }
        if (secure && compaction) {
            throw new IllegalArgumentException("--compaction and --secure do not go together yet: the compaction"
                    + " connector has no principal and ACLs of its own");
        }
        if (sql != null && sql.isBlank()) {
            throw new IllegalArgumentException("query needs SQL or --file FILE");
        }
        if (dataDir == null) {
            dataDir = secure
                    ? projectDir.resolve(".local-stack-secure")
                    : compaction ? projectDir.resolve(".local-stack-compaction") : d.dataDir();
        }
        return new Command(
                new LocalStackSettings(
                        projectDir,
                        stackDir,
                        dataDir,
                        wipe || secure,
                        secure,
                        compaction,
                        kafka,
                        controller,
                        connect,
                        s3,
                        glue,
                        trino,
                        dashboard),
                sql,
                List.copyOf(parameters));
    }

    private static String read(Path projectDir, String file) {
        Path path = projectDir.resolve(file);
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + path + ": " + e.getMessage());
        }
    }

    static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    static int port(String[] args, int i, String flag) {
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
