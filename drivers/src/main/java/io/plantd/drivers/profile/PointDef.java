package io.plantd.drivers.profile;

/**
 * One point of a device profile. {@code min}/{@code max} are engineering-unit plausibility
 * limits (NaN for none): a value outside them is BAD, never clamped. {@code maxAgeMillis} is
 * the age after which a sample becomes STALE.
 */
public record PointDef(
        String name,
        String unit,
        boolean writable,
        double min,
        double max,
        long maxAgeMillis,
        String description,
        PointAddress address) {

    public boolean withinLimits(double value) {
        return (Double.isNaN(min) || value >= min) && (Double.isNaN(max) || value <= max);
    }

    public ModbusAddress modbus() {
        return (ModbusAddress) address;
    }

    public BacnetAddress bacnet() {
        return (BacnetAddress) address;
    }
}
