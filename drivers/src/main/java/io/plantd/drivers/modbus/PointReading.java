package io.plantd.drivers.modbus;

import io.plantd.drivers.point.PointValue;

/**
 * One point of one poll with the raw registers it came from (hex, empty when the read failed)
 * and how long the read that carried it took, for the probe table.
 */
public record PointReading(String point, PointValue value, String raw, long readNanos) {
}
