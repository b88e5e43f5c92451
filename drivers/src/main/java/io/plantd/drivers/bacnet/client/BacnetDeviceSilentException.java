package io.plantd.drivers.bacnet.client;

import io.plantd.drivers.point.PointValue;
import java.util.Map;

/**
 * The device stopped answering during a poll (a timeout after every retry). {@link #partial()}
 * has every point: those read before the silence, the rest BAD with the timeout reason.
 */
public final class BacnetDeviceSilentException extends Exception {
    private final transient Map<String, PointValue> partial;

    public BacnetDeviceSilentException(String reason, Map<String, PointValue> partial) {
        super(reason);
        this.partial = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(partial));
    }

    public String reason() {
        return getMessage();
    }

    public Map<String, PointValue> partial() {
        return partial;
    }
}
