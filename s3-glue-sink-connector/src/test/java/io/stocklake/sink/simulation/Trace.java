package io.stocklake.sink.simulation;

import java.util.ArrayDeque;
import java.util.Deque;

/** The last events of a run, to explain a failing seed. */
final class Trace {

    private static final int KEPT = 400;

    private final Deque<String> events = new ArrayDeque<>();
    private final boolean verbose;
    private int step;

    Trace(boolean verbose) {
        this.verbose = verbose;
    }

    synchronized void step(int step) {
        this.step = step;
    }

    synchronized void add(String event) {
        String line = "#" + step + " " + event;
        if (verbose) {
            System.out.println(line);
        }
        events.addLast(line);
        if (events.size() > KEPT) {
            events.removeFirst();
        }
    }

    synchronized String tail(int lines) {
        StringBuilder text = new StringBuilder();
        int skip = Math.max(0, events.size() - lines);
        for (String event : events) {
            if (skip-- <= 0) {
                text.append("  ").append(event).append('\n');
            }
        }
        return text.toString();
    }
}
