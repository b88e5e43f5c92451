package io.plantd.drivers.api;

import io.plantd.drivers.point.PointId;
import java.util.concurrent.CompletableFuture;

/**
 * Writes an engineering value to a writable point and verifies it by reading it back. Runs on
 * the device's own executor; the caller never blocks on the future inside the control cycle.
 */
public interface PointWriter {
    CompletableFuture<WriteResult> write(PointId point, double value);
}
