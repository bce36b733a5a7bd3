package io.stocklake.sink.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * The one bucket every simulated task talks to, each through its own {@link FaultyObjectStore}: objects with
 * versions, and the calls that stalled (hanging ones, and ones whose effect is still to land).
 */
final class SimulatedBucket {

    /** Told of every change of a visible object, under the bucket's lock. */
    interface Listener {
        void changed(String by, String key, byte[] before, byte[] after);
    }

    record Stored(byte[] content, String version) {}

    /** A call that hangs its caller until released; {@code outcome} says whether its effect lands. */
    static final class Hang {
        enum Outcome {
            SUCCEED,
            FAIL_AFTER_EFFECT,
            FAIL
        }

        final String owner;
        final String call;
        final CompletableFuture<Outcome> release = new CompletableFuture<>();

        Hang(String owner, String call) {
            this.owner = owner;
            this.call = call;
        }
    }

    /** The effect of a call whose caller saw a failure; it lands when the scheduler says, if still valid. */
    record Delayed(String owner, String call, Runnable effect, BooleanSupplier valid) {}

    private final Map<String, Stored> objects = new TreeMap<>();
    private final List<Hang> hangs = new ArrayList<>();
    private final List<Delayed> delayed = new ArrayList<>();
    private final Trace trace;
    private Listener listener = (by, key, before, after) -> {};
    private long versions;

    SimulatedBucket(Trace trace) {
        this.trace = trace;
    }

    synchronized void listen(Listener listener) {
        this.listener = listener;
    }

    synchronized Stored stored(String key) {
        return objects.get(key);
    }

    synchronized Map<String, byte[]> snapshot() {
        Map<String, byte[]> copy = new TreeMap<>();
        objects.forEach((k, v) -> copy.put(k, v.content()));
        return copy;
    }

    synchronized List<String> keys(String prefix) {
        return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    synchronized String write(String by, String key, byte[] content) {
        Stored before = objects.get(key);
        String version = "v" + (++versions);
        objects.put(key, new Stored(content.clone(), version));
        if (before == null || !Arrays.equals(before.content(), content)) {
            listener.changed(by, key, before == null ? null : before.content(), content);
        }
        return version;
    }

    synchronized void remove(String by, String key) {
        Stored before = objects.remove(key);
        if (before != null) {
            listener.changed(by, key, before.content(), null);
        }
    }

    synchronized Hang hang(String owner, String call) {
        Hang hang = new Hang(owner, call);
        hangs.add(hang);
        trace.add(owner + " stalls in " + call);
        return hang;
    }

    synchronized List<Hang> hangsOf(String owner) {
        return hangs.stream().filter(h -> h.owner.equals(owner)).toList();
    }

    synchronized void released(Hang hang) {
        hangs.remove(hang);
    }

    synchronized void delay(String owner, String call, Runnable effect, BooleanSupplier valid) {
        delayed.add(new Delayed(owner, call, effect, valid));
        trace.add(owner + ": " + call + " failed, its effect may land later");
    }

    synchronized List<Delayed> delayed() {
        return List.copyOf(delayed);
    }

    /** Lands (or drops) one delayed effect. */
    synchronized void settle(Delayed effect, boolean lands) {
        delayed.remove(effect);
        if (lands && effect.valid().getAsBoolean()) {
            trace.add("late effect lands: " + effect.owner() + " " + effect.call());
            try {
                effect.effect().run();
            } catch (RuntimeException e) {
                trace.add("late effect refused: " + e.getMessage());
            }
        } else {
            trace.add("late effect never lands: " + effect.owner() + " " + effect.call());
        }
    }
}
