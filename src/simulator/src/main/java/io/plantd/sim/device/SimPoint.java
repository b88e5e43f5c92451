package io.plantd.sim.device;

import io.plantd.drivers.profile.DataType;
import io.plantd.drivers.profile.RegisterTable;

/**
 * One register-mapped point of a simulated device: the Java-side truth that the profile YAML in
 * config/profiles must match (a test compares them). Addresses are 0-based wire addresses;
 * multi-register values are big-endian, high word first (ABCD). {@code min}/{@code max} are the
 * plausibility limits declared in the profile and the range a write must respect.
 */
public record SimPoint(
        String name,
        RegisterTable table,
        int address,
        DataType type,
        String unit,
        boolean writable,
        double min,
        double max,
        String description) {

    public int width() {
        return type.registers();
    }
}
