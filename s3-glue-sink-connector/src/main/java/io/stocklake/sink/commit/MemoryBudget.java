package io.stocklake.sink.commit;

/**
 * The bytes a task's files hold in memory, open or uploading, against {@code buffer.max.bytes}. Counted on the
 * task thread only.
 */
public final class MemoryBudget {

    private final long limit;
    private long held;

    public MemoryBudget(long limit) {
        this.limit = limit;
    }

    void add(long delta) {
        held += delta;
    }

    boolean exceeded() {
        return held > limit;
    }

    public long held() {
        return held;
    }

    public long limit() {
        return limit;
    }
}
