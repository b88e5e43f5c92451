package io.plantd.app.backtest;

import io.plantd.drivers.point.PointId;
import io.plantd.drivers.point.PointValue;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A read-only map over a fixed set of point ids whose values are refreshed in place by slot
 * number. Rewriting 63 entries of a {@code HashMap} every simulated second was half of the
 * backtest harness's time; here a refresh is an array store, and lookups cost one hash probe as
 * before. Not thread-safe: the harness refreshes it between steps, never during one.
 */
final class PointTable extends AbstractMap<PointId, PointValue> {
    private final PointId[] ids;
    private final PointValue[] values;
    private final Map<PointId, Integer> slots;

    PointTable(List<PointId> ids) {
        this.ids = ids.toArray(PointId[]::new);
        this.values = new PointValue[this.ids.length];
        this.slots = new HashMap<>(this.ids.length * 2);
        for (int i = 0; i < this.ids.length; i++) {
            if (slots.put(this.ids[i], i) != null) {
                throw new IllegalArgumentException("duplicate point " + this.ids[i]);
            }
        }
    }

    void set(int slot, PointValue value) {
        values[slot] = value;
    }

    PointValue at(int slot) {
        return values[slot];
    }

    @Override
    public PointValue get(Object key) {
        Integer slot = slots.get(key);
        return slot == null ? null : values[slot];
    }

    @Override
    public boolean containsKey(Object key) {
        Integer slot = slots.get(key);
        return slot != null && values[slot] != null;
    }

    @Override
    public int size() {
        int n = 0;
        for (PointValue v : values) {
            if (v != null) {
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
            if (values[i] != null) {
                entries.add(new SimpleImmutableEntry<>(ids[i], values[i]));
            }
        }
        return entries;
    }
}
