package io.stocklake.local;

import io.stocklake.stack.ConnectorStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ./run-local}: starts the whole pipeline in the foreground and shows a live status line until Ctrl-C,
 * which stops everything.
 */
public final class LocalStackMain {

    private static final int MIN_JAVA = 25;
    private static final Duration REFRESH = Duration.ofSeconds(2);
    private static final Duration MONITOR_PERIOD = Duration.ofSeconds(3);
    /** Freshness percentiles over the last five minutes of readings. */
    private static final int FRESHNESS_WINDOW = 100;

    /** The terminal: Trino's logging sends System.out and System.err to the launcher's log once it starts. */
    private static final PrintStream OUT = System.out;

    private static final PrintStream ERR = System.err;

    /** Set by the shutdown hook (Ctrl-C) so the status loop stops reading parts that are being stopped. */
    private static volatile boolean stopping;

    private LocalStackMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = OUT;
        LocalStackArgs.Command command;
        try {
            command = LocalStackArgs.parse(
                    args,
                    Paths.get(System.getProperty("stocklake.project.dir", "."))
                            .toAbsolutePath()
                            .normalize(),
                    Paths.get(System.getProperty("stocklake.stack.dir", "local-stack/target/stack"))
                            .toAbsolutePath()
                            .normalize());
        } catch (IllegalArgumentException e) {
            ERR.println(e.getMessage());
            ERR.println(LocalStackArgs.USAGE);
            System.exit(2);
            return;
        }
        if (Runtime.version().feature() < MIN_JAVA) {
            fail("./run-local needs Java " + MIN_JAVA + " or newer (this is " + Runtime.version() + "); set JAVA_HOME");
        }
        LocalStackSettings settings = command.settings();
        if (command.isQuery()) {
            LauncherLogs.sendTo(settings.dataDir().resolve("logs").resolve("query.log"));
            try {
                out.println(LocalQuery.format(LocalQuery.run(settings, command.sql(), command.parameters())));
                System.exit(0);
            } catch (Exception e) {
                fail("Query failed: " + e.getMessage());
            }
            return;
        }
        List<String> taken = PortCheck.takenPorts(settings.ports());
        if (!taken.isEmpty()) {
            fail(String.join("\n", taken) + "\nStop what uses it, or choose other ports (" + LocalStackArgs.PORT_FLAGS
                    + ").");
        }
        if (settings.wipe()) {
            deleteRecursively(settings.dataDir());
        }

        Instant begin = Instant.now();
        LocalStack stack = new LocalStack(settings);
        LauncherLogs.sendTo(stack.logsDir().resolve("launcher.log"));
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stopping = true;
                            out.println();
                            out.println("Stopping: connectors, worker, broker, Glue, S3 ...");
                            stack.close();
                            out.println("Stopped; data kept in " + settings.dataDir()
                                    + (settings.secure()
                                            ? " (the next --secure run starts afresh)."
                                            : " (--wipe starts afresh)."));
                        },
                        "local-stack-shutdown"));

        out.println("Starting the local pipeline; data in " + settings.dataDir() + ", logs in " + stack.logsDir());
        try {
            stack.start(step -> out.println("  - " + step));
        } catch (Exception e) {
            ERR.println("Could not start: " + e.getMessage());
            ERR.println("Logs: " + stack.logsDir());
            System.exit(1);
        }
        try {
            startDashboard(stack, settings);
            out.println("  - Live page on " + settings.dashboardUrl());
        } catch (Exception e) {
            ERR.println("Could not start the live page on " + settings.dashboardUrl() + ": " + e.getMessage());
            System.exit(1);
        }
        out.printf(
                "Started in %.1f s.%n%n", Duration.between(begin, Instant.now()).toMillis() / 1000.0);
        out.println(Banner.text(settings, stack.logsDir(), stack.workerLog(), buildLog()));
        watch(stack, out);
    }

    /** The log of the build ./run-local ran before starting this, if there is one. */
    private static Path buildLog() {
        String value = System.getProperty("stocklake.build.log");
        if (value == null || !Files.isRegularFile(Paths.get(value))) {
            return null;
        }
        return Paths.get(value).toAbsolutePath().normalize();
    }

    /** The live page, reading the pipeline on its own schedule and querying the lake read-only. */
    private static void startDashboard(LocalStack stack, LocalStackSettings settings) throws IOException {
        DashboardServer.SqlEngine engine =
                (sql, parameters, maxRows) -> LocalQuery.executeReadOnly(settings.trinoUrl(), sql, parameters, maxRows);
        StatusProbe probe = stack.statusProbe();
        PipelineMonitor monitor = new PipelineMonitor(
                        probe::read,
                        new NewestQueryableEvent(engine, Clock.systemUTC()),
                        Clock.systemUTC(),
                        MONITOR_PERIOD,
                        FRESHNESS_WINDOW,
                        stack.workerLog().toString())
                .start();
        stack.closeFirst(monitor);
        DashboardServer dashboard = new DashboardServer(
                        settings.dashboardPort(),
                        monitor,
                        PageQueries.load(settings.projectDir().resolve("athena")),
                        engine)
                .start();
        stack.closeFirst(dashboard);
    }

    private static void watch(LocalStack stack, PrintStream out) throws InterruptedException {
        StatusProbe probe = stack.statusProbe();
        StatusLine line = new StatusLine();
        boolean console = System.console() != null;
        Instant last = Instant.now();
        String reportedFailure = null;
        while (!stopping) {
            Thread.sleep(REFRESH.toMillis());
            if (stopping) {
                return;
            }
            Instant now = Instant.now();
            try {
                PipelineStatus status = probe.read();
                String text = line.render(status, Duration.between(last, now), LocalTime.now());
                out.print(console ? "\r\033[2K" + text : text + System.lineSeparator());
                String failure = firstFailure(status);
                if (failure != null && !failure.equals(reportedFailure)) {
                    out.println();
                    out.println("FAILED " + failure);
                    out.println("  see " + stack.workerLog());
                    reportedFailure = failure;
                }
            } catch (Exception e) {
                out.print((console ? "\r\033[2K" : "") + "status unavailable: " + e.getMessage()
                        + (console ? "" : System.lineSeparator()));
            }
            out.flush();
            last = now;
        }
    }

    private static String firstFailure(PipelineStatus status) {
        for (ConnectorStatus connector : status.connectors()) {
            if (connector.anyFailed()) {
                String trace = connector.failureTrace();
                String firstLine =
                        trace == null ? "" : trace.lines().findFirst().orElse("");
                return connector.name() + ": " + firstLine;
            }
        }
        return null;
    }

    private static void fail(String message) {
        ERR.println(message);
        System.exit(1);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
