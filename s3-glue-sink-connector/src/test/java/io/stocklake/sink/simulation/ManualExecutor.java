package io.stocklake.sink.simulation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/**
 * A task's upload thread whose queued work runs only when the scheduler says so, in order, on the scheduler's
 * thread: an upload can finish before, during or long after the task thread's next call.
 */
final class ManualExecutor implements Executor {

    private final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable command) {
        queue.addLast(command);
    }

    synchronized boolean hasQueued() {
        return !queue.isEmpty();
    }

    /** Runs the oldest queued task, as a single upload thread would next. */
    void runNext() {
        Runnable next;
        synchronized (this) {
            next = queue.pollFirst();
        }
        if (next != null) {
            next.run();
        }
    }
}
