package io.stocklake.sink.commit;

/** The bytes all open files of the task hold, against {@code buffer.max.bytes}. */
final class MemoryBudget {

    private final long limit;
    private long held;

    MemoryBudget(long limit) {
        this.limit = limit;
    }

    void add(long delta) {
        held += delta;
    }

    boolean exceeded() {
        return held > limit;
    }

    long held() {
        return held;
    }

    long limit() {
        return limit;
    }
}
