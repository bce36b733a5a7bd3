package io.stocklake.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** What the figures were measured on: enough to tell two machines, or two loads of one machine, apart. */
public record MachineDescription(int cores, long memoryBytes, String cpu, String jdk, String os, double loadAverage) {

    public static MachineDescription current() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new MachineDescription(
                Runtime.getRuntime().availableProcessors(),
                os.getTotalMemorySize(),
                cpuModel(),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + Runtime.version(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                os.getSystemLoadAverage());
    }

    public String markdown() {
        return String.format(
                Locale.ROOT,
                "%d cores (%s), %.1f GiB memory, %s, %s; load average %.1f when the run started",
                cores,
                cpu,
                memoryBytes / (1024.0 * 1024 * 1024),
                jdk,
                os,
                loadAverage);
    }

    /** The CPU model where the system tells it (Linux), else the architecture. */
    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (Stream<String> lines = Files.lines(cpuinfo)) {
                return lines.filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).strip())
                        .findFirst()
                        .orElse(System.getProperty("os.arch"));
            } catch (IOException e) {
                return System.getProperty("os.arch");
            }
        }
        return System.getProperty("os.arch");
    }
}
