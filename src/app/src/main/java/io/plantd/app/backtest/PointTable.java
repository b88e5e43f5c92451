package io.plantd.app.backtest;

import io.plantd.drivers.point.PointId;
import io.plantd.drivers.point.PointValue;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A read-only map over a fixed set of point ids whose values are refreshed in place by slot
 * number. Rewriting 63 entries of a {@code HashMap} every simulated second was half of the
 * backtest harness's time; here a refresh is an array store.
 *
 * <p>A slot left empty is filled on first access by the {@link Loader}, so a value nobody reads
 * in a cycle is never built. Lookups first try the caller's own id instance by identity: the
 * controller resolves its ids once and asks with the same instances every second, so after the
 * first cycle a lookup neither hashes the id's strings nor compares them. Other instances go
 * through a small open-addressing index by {@link PointId#equals}. Not thread-safe: the harness
 * refreshes it between steps, never during one.
 */
final class PointTable extends AbstractMap<PointId, PointValue> {
    /** Builds the value of an empty slot (null: the slot has no value). */
    interface Loader {
        PointValue load(int slot);
    }

    private static final Loader NONE = slot -> null;
    private static final int SEQUENCE_MAX = 256;

    private final PointId[] ids;
    private final PointValue[] values;
    private final Loader loader;
    private final PointId[] indexKeys;
    /** Caller instances by identity hash, open addressing (see {@link #remember}). */
    private final Object[] aliasKeys;
    private final int[] aliasSlots;
    private final int aliasMask;
    private int aliasCount;
    private final int[] indexSlots;
    private final int mask;
    /** The previous cycle's lookups in order, see {@link #restartSequence}. */
    private final Object[] sequence = new Object[SEQUENCE_MAX];
    private final int[] sequenceSlots = new int[SEQUENCE_MAX];
    private int sequenceLength;
    private int sequenceAt;

    PointTable(List<PointId> ids) {
        this(ids, NONE);
    }

    PointTable(List<PointId> ids, Loader loader) {
        this.ids = ids.toArray(PointId[]::new);
        this.values = new PointValue[this.ids.length];
        this.loader = loader;
        int capacity = Integer.highestOneBit(Math.max(4, this.ids.length * 4) - 1) << 1;
        this.indexKeys = new PointId[capacity];
        this.aliasKeys = new Object[capacity * 2];
        this.aliasSlots = new int[capacity * 2];
        this.aliasMask = capacity * 2 - 1;
        this.indexSlots = new int[capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < this.ids.length; i++) {
            PointId id = this.ids[i];
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

    void set(int slot, PointValue value) {
        values[slot] = value;
    }

    /**
     * Marks the start of a cycle's lookups. The controller asks for the same points with the same
     * id instances in the same order every second, so a lookup is first compared with the one at
     * the same position in the previous cycle: a reference compare that does not even touch the
     * id object. A different id at a position cuts the remembered order there, and the rest of
     * the cycle is remembered afresh.
     */
    void restartSequence() {
        sequenceAt = 0;
    }

    /** Empties slots {@code from} to {@code to} (exclusive): the loader fills them again when asked. */
    void clear(int from, int to) {
        Arrays.fill(values, from, to, null);
    }

    /** The slot's value as stored (null when empty: the loader has not filled it). */
    PointValue at(int slot) {
        return values[slot];
    }

    @Override
    public PointValue get(Object key) {
        int slot = slotOf(key);
        return slot < 0 ? null : valueAt(slot);
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (valueAt(i) != null) {
                n++;
            }
        }
        return n;
    }

    /** A snapshot of the entries that have a value (allocates: not for the hot path). */
    @Override
    public Set<Entry<PointId, PointValue>> entrySet() {
        Set<Entry<PointId, PointValue>> entries = new LinkedHashSet<>();
        for (int i = 0; i < ids.length; i++) {
            PointValue v = valueAt(i);
            if (v != null) {
                entries.add(new SimpleImmutableEntry<>(ids[i], v));
            }
        }
        return entries;
    }

    private PointValue valueAt(int slot) {
        PointValue v = values[slot];
        if (v == null) {
            v = loader.load(slot);
            values[slot] = v;
        }
        return v;
    }

    private int slotOf(Object key) {
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
