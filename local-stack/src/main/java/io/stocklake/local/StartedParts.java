package io.stocklake.local;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The parts of a stack in the order they started, stopped in reverse: a part is never left without what it
 * depends on while it stops. A part that fails to stop does not keep the others running.
 */
final class StartedParts implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    /** Records a started part, and returns it. */
    <T extends AutoCloseable> T add(T part) {
        started.push(part);
        return part;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("While stopping: " + e);
            }
        }
    }
}
