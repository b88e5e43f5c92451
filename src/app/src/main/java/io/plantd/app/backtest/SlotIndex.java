package io.plantd.app.backtest;

import io.plantd.drivers.point.PointId;
import java.util.Arrays;

/**
 * The slot number of each of a fixed set of point ids, found fast for callers that reuse their id
 * instances (the controller resolves its ids once and asks with the same ones every second):
 * <ol>
 *   <li>the id asked for at the same position of the previous cycle's lookups, if it is the same
 *       instance: a reference compare that does not even touch the id object;</li>
 *   <li>else the caller's instance seen before, by identity hash: no hashing of the id's strings
 *       and no string compare;</li>
 *   <li>else by {@link PointId#equals} in an open-addressing index, and the instance is
 *       remembered for next time.</li>
 * </ol>
 * Not thread-safe: one harness thread asks.
 */
final class SlotIndex {
    private static final int SEQUENCE_MAX = 256;

    private final PointId[] indexKeys;
    private final int[] indexSlots;
    private final int mask;
    /** Caller instances by identity hash, open addressing (see {@link #remember}). */
    private final Object[] aliasKeys;
    private final int[] aliasSlots;
    private final int aliasMask;
    private int aliasCount;
    /** The previous cycle's lookups in order, see {@link #restartSequence}. */
    private final Object[] sequence = new Object[SEQUENCE_MAX];
    private final int[] sequenceSlots = new int[SEQUENCE_MAX];
    private int sequenceLength;
    private int sequenceAt;

    /** Slot i is {@code ids[i]}; a duplicate id is refused. */
    SlotIndex(PointId[] ids) {
        int capacity = Integer.highestOneBit(Math.max(4, ids.length * 4) - 1) << 1;
        this.indexKeys = new PointId[capacity];
        this.indexSlots = new int[capacity];
        this.mask = capacity - 1;
        this.aliasKeys = new Object[capacity * 2];
        this.aliasSlots = new int[capacity * 2];
        this.aliasMask = capacity * 2 - 1;
        for (int i = 0; i < ids.length; i++) {
            PointId id = ids[i];
            if (lookUp(id) >= 0) {
                throw new IllegalArgumentException("duplicate point " + id);
            }
            int b = bucket(id);
            while (indexKeys[b] != null) {
                b = (b + 1) & mask;
            }
            indexKeys[b] = id;
            indexSlots[b] = i;
        }
    }

    /**
     * Marks the start of a cycle's lookups. A different id at a position of the remembered order
     * cuts it there, and the rest of the cycle is remembered afresh.
     */
    void restartSequence() {
        sequenceAt = 0;
    }

    /** The slot of {@code key}, -1 when it is not one of the ids. */
    int slotOf(Object key) {
        int at = sequenceAt;
        if (at < sequenceLength && sequence[at] == key) {
            sequenceAt = at + 1;
            return sequenceSlots[at];
        }
        int slot = lookUp(key);
        if (at < SEQUENCE_MAX) {
            sequence[at] = key;
            sequenceSlots[at] = slot;
            sequenceAt = at + 1;
            sequenceLength = at + 1;
        }
        return slot;
    }

    private int lookUp(Object key) {
        if (key == null) {
            return -1;
        }
        // the caller's own instance seen before: no hashing of its strings, no string compare
        int a = System.identityHashCode(key) & aliasMask;
        for (Object k = aliasKeys[a]; k != null; k = aliasKeys[a]) {
            if (k == key) {
                return aliasSlots[a];
            }
            a = (a + 1) & aliasMask;
        }
        if (!(key instanceof PointId id)) {
            return -1;
        }
        for (int b = bucket(id); ; b = (b + 1) & mask) {
            PointId k = indexKeys[b];
            if (k == null) {
                return -1;
            }
            if (k.equals(id)) {
                remember(id, a, indexSlots[b]);
                return indexSlots[b];
            }
        }
    }

    /**
     * Records a caller's instance at the free alias entry {@code a}. A caller that asks with a new
     * instance every time would fill the table: past half full it starts over, and the callers
     * that reuse their ids are back after one lookup each.
     */
    private void remember(PointId id, int a, int slot) {
        if (aliasCount >= aliasKeys.length / 2) {
            Arrays.fill(aliasKeys, null);
            aliasCount = 0;
            a = System.identityHashCode(id) & aliasMask;
        }
        aliasKeys[a] = id;
        aliasSlots[a] = slot;
        aliasCount++;
    }

    private int bucket(PointId id) {
        int h = id.hashCode();
        return (h ^ (h >>> 16)) & mask;
    }
}
