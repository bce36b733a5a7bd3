package io.stocklake.sink.storage;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Bytes of the part being filled, in fixed chunks: memory grows with the content (no doubling copies) and
 * {@link #allocated()} is exactly what the buffer holds, which the task's memory bound counts.
 */
final class PartBuffer {

    static final int CHUNK = 32 * 1024;

    private final List<byte[]> chunks = new ArrayList<>();
    private long size;

    void write(byte[] b, int off, int len) {
        while (len > 0) {
            int used = (int) (size % CHUNK);
            if (used == 0 && size / CHUNK == chunks.size()) {
                chunks.add(new byte[CHUNK]);
            }
            byte[] chunk = chunks.get((int) (size / CHUNK));
            int n = Math.min(len, CHUNK - used);
            System.arraycopy(b, off, chunk, used, n);
            off += n;
            len -= n;
            size += n;
        }
    }

    long size() {
        return size;
    }

    long allocated() {
        return (long) chunks.size() * CHUNK;
    }

    /** A fresh stream over the content each call, so a retried request can send it again. */
    InputStream newStream() {
        List<InputStream> streams = new ArrayList<>(chunks.size());
        long remaining = size;
        for (byte[] chunk : chunks) {
            int n = (int) Math.min(remaining, CHUNK);
            streams.add(new ByteArrayInputStream(chunk, 0, n));
            remaining -= n;
        }
        return new SequenceInputStream(Collections.enumeration(streams));
    }

    void clear() {
        chunks.clear();
        size = 0;
    }
}
