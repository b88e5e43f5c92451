package io.plantd.drivers.bacnet.transport;

import java.util.BitSet;

/**
 * Invoke IDs 0..255. An ID is never handed out again while its transaction is outstanding,
 * and allocation rotates so a late reply to a finished transaction is unlikely to match a new one.
 */
final class InvokeIdPool {
    static final int SIZE = 256;
    private final BitSet inUse = new BitSet(SIZE);
    private int next;

    /** A free ID, or -1 when all 256 are outstanding. */
    synchronized int acquire() {
        for (int i = 0; i < SIZE; i++) {
            int candidate = (next + i) % SIZE;
            if (!inUse.get(candidate)) {
                inUse.set(candidate);
                next = (candidate + 1) % SIZE;
                return candidate;
            }
        }
        return -1;
    }

    synchronized void release(int id) {
        inUse.clear(id);
    }

    synchronized int outstanding() {
        return inUse.cardinality();
    }
}
