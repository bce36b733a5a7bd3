package io.stocklake.glue.endpoint.fault;

import io.stocklake.glue.endpoint.api.GlueError;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides, call by call, whether the current {@link FaultPlan} fails it. Switchable at any time from any thread;
 * setting a plan restarts its counters.
 */
public final class FaultInjector {
    private final Clock clock;
    private final AtomicReference<State> state = new AtomicReference<>(new State(FaultPlan.none()));

    public FaultInjector(Clock clock) {
        this.clock = clock;
    }

    public void set(FaultPlan plan) {
        state.set(new State(plan));
    }

    public void clear() {
        set(FaultPlan.none());
    }

    public FaultPlan plan() {
        return state.get().plan;
    }

    /** The error to answer {@code operation} with instead of serving it, if the plan says so. */
    public Optional<GlueError> faultFor(String operation) {
        State current = state.get();
        FaultPlan plan = current.plan;
        if (!plan.affects(operation)) {
            return Optional.empty();
        }
        if (plan.inOutage(clock.instant())) {
            return Optional.of(GlueError.serviceUnavailable("Service unavailable (injected outage)."));
        }
        if (isSelected(current.throttled, plan.throttlePercent())) {
            return Optional.of(GlueError.throttling());
        }
        if (isSelected(current.failed, plan.internalErrorPercent())) {
            return Optional.of(GlueError.internalService("Internal service error (injected)."));
        }
        return Optional.empty();
    }

    /** The n-th call is selected when floor(n * p / 100) steps up: exactly p of every 100, evenly spread. */
    private static boolean isSelected(AtomicLong counter, int percent) {
        if (percent == 0) {
            return false;
        }
        long n = counter.incrementAndGet();
        return n * percent / 100 > (n - 1) * percent / 100;
    }

    private static final class State {
        private final FaultPlan plan;
        private final AtomicLong throttled = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();

        private State(FaultPlan plan) {
            this.plan = plan;
        }
    }
}
