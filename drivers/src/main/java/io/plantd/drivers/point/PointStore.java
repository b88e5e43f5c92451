package io.plantd.drivers.point;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest value of every point, written by pollers on their own threads. The control cycle
 * never reads it directly: it takes a frozen {@link ProcessImage} once per cycle.
 */
public final class PointStore {
    private final Map<PointId, PointValue> latest = new ConcurrentHashMap<>();
    private final Map<PointId, Long> maxAgeMillis = new ConcurrentHashMap<>();

    /** Declares a point so that it appears as MISSING until first read, and sets its max age. */
    public void declare(PointId id, long maxAgeMillis) {
        this.maxAgeMillis.put(id, maxAgeMillis);
        latest.putIfAbsent(id, PointValue.missing("not read yet"));
    }

    public void put(PointId id, PointValue value) {
        latest.put(id, value);
    }

    public PointValue latest(PointId id) {
        return latest.getOrDefault(id, PointValue.missing("not configured"));
    }

    /** A snapshot with STALE applied at {@code nowMillis}; later puts do not change it. */
    public ProcessImage snapshot(long nowMillis) {
        Map<PointId, PointValue> frozen = new java.util.HashMap<>(latest.size() * 2);
        latest.forEach((id, v) -> frozen.put(id, v.agedAt(nowMillis, maxAgeMillis.getOrDefault(id, 0L))));
        return new ProcessImage(nowMillis, frozen);
    }
}
