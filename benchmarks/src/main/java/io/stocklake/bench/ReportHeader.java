package io.stocklake.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The lines every section of BENCHMARKS.md starts with: its title, the exact command, when, how many runs, and
 * the machine with its load at the start and at the end (the machine is shared: the load says how quiet it was).
 */
public record ReportHeader(String title, String command, Instant started, MachineDescription machine) {

    /** Taken when a benchmark starts measuring. */
    public static ReportHeader start(String title, BenchOptions options) {
        return new ReportHeader(title, options.command(), Instant.now(), MachineDescription.current());
    }

    public String markdown(int runs) {
        double loadAtEnd = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return "## " + title + "\n\n"
                + "Command: `" + command + "`, " + started.truncatedTo(ChronoUnit.SECONDS) + " (" + runs
                + (runs == 1 ? " run" : " runs") + ").\n\n"
                + "Machine: " + machine.markdown() + String.format(Locale.ROOT, ", %.1f when it ended", loadAtEnd)
                + ".\n\n";
    }
}
