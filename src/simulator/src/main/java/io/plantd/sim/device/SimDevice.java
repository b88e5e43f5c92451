package io.plantd.sim.device;

import io.plantd.drivers.profile.DeviceKind;
import java.util.List;

/**
 * A simulated field device seen by name: the same points whether it is served over Modbus or read
 * in-process by a backtest. {@link #read} and {@link #write} run on the simulation thread;
 * {@link #acceptsWrite} is pure and may be called from any thread.
 */
public interface SimDevice {
    String id();

    DeviceKind kind();

    default List<SimPoint> points() {
        return RegisterMaps.forKind(kind());
    }

    default String profile() {
        return RegisterMaps.profileFor(kind());
    }

    /** The engineering value the device shows now (faults included). */
    double read(String point);

    /**
     * The value of the point at {@code index} of {@link #points()}: the same as {@link #read(String)}
     * with its name, for callers that read every point every simulated second.
     */
    default double readAt(int index) {
        return read(points().get(index).name());
    }

    /** False when the device does not answer (scripted dropout). */
    boolean responding();

    /** Whether a write of {@code value} to {@code point} would be accepted (writable, in range). */
    boolean acceptsWrite(String point, double value);

    /** Applies a write to the model; returns false and changes nothing when refused. */
    boolean write(String point, double value);
}
