package io.stocklake.sink.simulation;

import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The Connect task thread of one simulated task. The scheduler hands it one call at a time and waits until the
 * call has returned or the thread waits on a future (an upload it needs, or a stalled store call): only one of the
 * two threads runs at any moment, so every run of a seed takes the same path.
 */
final class TaskThread {

    /** How a call stands when the scheduler gets control back. */
    enum State {
        IDLE,
        DONE,
        BLOCKED
    }

    private static final Callable<Object> STOP = () -> null;
    private static final ThreadLocal<Boolean> ON_TASK_THREAD = ThreadLocal.withInitial(() -> false);

    private final Thread thread;
    private volatile Callable<?> next;
    private volatile Thread scheduler;
    private volatile boolean running;
    private volatile Object result;
    private volatile Throwable failure;

    TaskThread(String name) {
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts a call and returns once it is done or blocked. */
    State start(Callable<?> call) {
        if (running) {
            throw new IllegalStateException("the task thread is busy");
        }
        result = null;
        failure = null;
        running = true;
        next = call;
        LockSupport.unpark(thread);
        return settle();
    }

    /** Waits again after the scheduler ran what the blocked call waits for. */
    State settle() {
        scheduler = Thread.currentThread();
        for (int spins = 0; running; spins++) {
            if (blockedOnFuture()) {
                return State.BLOCKED;
            }
            // Most calls return within microseconds, and the task thread wakes this one when it returns.
            if (spins < 100) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, TimeUnit.MICROSECONDS.toNanos(50));
            }
        }
        return State.DONE;
    }

    boolean busy() {
        return running;
    }

    Object result() {
        return result;
    }

    Throwable failure() {
        return failure;
    }

    void stop() {
        next = STOP;
        LockSupport.unpark(thread);
    }

    /** True on a task thread, where a store call may hang; the scheduler's own thread must never block. */
    static boolean isTaskThread() {
        return ON_TASK_THREAD.get();
    }

    private boolean blockedOnFuture() {
        // A CompletableFuture's waiter parks with itself as blocker; it is releasable once the future completed.
        return thread.getState() == Thread.State.WAITING
                && LockSupport.getBlocker(thread) instanceof ForkJoinPool.ManagedBlocker waiter
                && !waiter.isReleasable();
    }

    private void loop() {
        ON_TASK_THREAD.set(true);
        while (true) {
            Callable<?> call = next;
            if (call == null) {
                LockSupport.park(this);
                continue;
            }
            next = null;
            if (call == STOP) {
                return;
            }
            try {
                result = call.call();
            } catch (Throwable t) {
                failure = t;
            }
            running = false;
            Thread waiting = scheduler;
            if (waiting != null) {
                LockSupport.unpark(waiting);
            }
        }
    }
}
