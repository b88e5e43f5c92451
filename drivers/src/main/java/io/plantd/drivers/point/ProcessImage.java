package io.plantd.drivers.point;

import java.util.Collections;
import java.util.Map;

/** Every point's value as one control cycle sees it: frozen for the whole cycle. */
public final class ProcessImage {
    private final long takenAtMillis;
    private final Map<PointId, PointValue> values;

    public ProcessImage(long takenAtMillis, Map<PointId, PointValue> values) {
        this.takenAtMillis = takenAtMillis;
        this.values = Collections.unmodifiableMap(values);
    }

    public long takenAtMillis() {
        return takenAtMillis;
    }

    public PointValue get(PointId id) {
        PointValue v = values.get(id);
        return v != null ? v : PointValue.missing("not configured");
    }

    public PointValue get(String device, String point) {
        return get(new PointId(device, point));
    }

    public Map<PointId, PointValue> values() {
        return values;
    }
}
