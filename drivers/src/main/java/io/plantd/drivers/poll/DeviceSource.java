package io.plantd.drivers.poll;

import io.plantd.drivers.api.WriteResult;
import io.plantd.drivers.point.PointValue;
import java.util.Map;

/**
 * One field device as the pollers see it, whatever its protocol. Implementations are called
 * from a single thread (their bus executor) and need not be thread-safe.
 */
public interface DeviceSource extends AutoCloseable {

    /** The configured device id, for example {@code chiller-1}. */
    String id();

    /** Every point this device delivers, with its unit, in profile order. */
    Map<String, String> units();

    /** Every point's max age in ms (0 for none), so the store can mark old samples STALE. */
    Map<String, Long> maxAges();

    /**
     * Reads every point once. Individual points may come back BAD (sentinel, limits, a refused
     * request); the call throws when the device gave nothing usable, so the caller can count a
     * device failure and mark every point BAD with the reason.
     *
     * @param timestampMillis the sample time to stamp on the values
     */
    Map<String, PointValue> poll(long timestampMillis) throws DeviceException;

    /** Writes an engineering value to a writable point and verifies it by reading it back. */
    WriteResult write(String point, double value);

    /** How the device is reached (for logs and the probe), for example {@code tcp 10.0.0.5:502 unit 1}. */
    String endpoint();

    @Override
    void close();
}
