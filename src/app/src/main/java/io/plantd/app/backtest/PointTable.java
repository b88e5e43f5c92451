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
 * in a cycle is never built. Ids are resolved to slots by a {@link SlotIndex}, fast for callers
 * that reuse their id instances. Not thread-safe: the harness refreshes it between steps, never
 * during one.
 */
final class PointTable extends AbstractMap<PointId, PointValue> {
    /** Builds the value of an empty slot (null: the slot has no value). */
    interface Loader {
        PointValue load(int slot);
    }

    private static final Loader NONE = slot -> null;

    private final PointId[] ids;
    private final PointValue[] values;
    private final Loader loader;
    private final SlotIndex slots;

    PointTable(List<PointId> ids) {
        this(ids, NONE);
    }

    PointTable(List<PointId> ids, Loader loader) {
        this.ids = ids.toArray(PointId[]::new);
        this.values = new PointValue[this.ids.length];
        this.loader = loader;
        this.slots = new SlotIndex(this.ids);
    }

    void set(int slot, PointValue value) {
        values[slot] = value;
    }

    /** Marks the start of a cycle's lookups (see {@link SlotIndex}). */
    void restartSequence() {
        slots.restartSequence();
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
        int slot = slots.slotOf(key);
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

}
