package io.stocklake.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * What a benchmark is doing, told on stderr as it goes: the benchmark, the run, the phase and the time since it
 * started, e.g. {@code [sink 3:05] run 2/5: Parquet (snappy)}. A benchmark lasts minutes; without it they are
 * minutes of silence. Results stay on stdout.
 */
public final class Progress {

    private final String benchmark;
    private final PrintStream out;
    private final LongSupplier nanoTime;
    private final long startedNanos;
    private String run = "";

    public Progress(String benchmark, PrintStream out, LongSupplier nanoTime) {
        this.benchmark = benchmark;
        this.out = out;
        this.nanoTime = nanoTime;
        this.startedNanos = nanoTime.getAsLong();
    }

    /** Progress of {@code benchmark} on stderr, timed from now. */
    public static Progress toStderr(String benchmark) {
        return new Progress(benchmark, System.err, System::nanoTime);
    }

    /** Starts run {@code run} of {@code runs}; run 0 is the warm-up pass that is not counted. */
    public void run(int run, int runs) {
        this.run = run == 0 ? "warm-up" : "run " + run + "/" + runs;
        out.println(line(null));
    }

    /** Starts a phase of the current run (or of the benchmark, before its first run). */
    public void phase(String phase) {
        out.println(line(phase));
    }

    /** The benchmark has measured all its runs. */
    public void done() {
        run = "";
        phase("done");
    }

    /** A figure just measured, told with the same prefix. */
    public void result(String result) {
        out.println(line(result));
    }

    private String line(String what) {
        String prefix = "[" + benchmark + " " + elapsed(Duration.ofNanos(nanoTime.getAsLong() - startedNanos)) + "]";
        if (run.isEmpty()) {
            return what == null ? prefix : prefix + " " + what;
        }
        return what == null ? prefix + " " + run : prefix + " " + run + ": " + what;
    }

    /** {@code m:ss} under an hour, {@code h:mm:ss} from then on. */
    static String elapsed(Duration elapsed) {
        long seconds = elapsed.toSeconds();
        return seconds < 3600
                ? String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
