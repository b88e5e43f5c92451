package io.plantd.drivers.profile;

/**
 * A Modbus point. {@code address} is the 0-based address sent on the wire (profiles declare
 * whether their numbers are 0- or 1-based; the loader converts). Engineering value =
 * raw × scale × 10^sf + offset, where sf is the value of {@code scaleFactorPoint} if set.
 * {@code bit} (0..15) selects one bit of a 16-bit register; -1 for none.
 */
public record ModbusAddress(
        RegisterTable table,
        int address,
        DataType type,
        WordOrder order,
        double scale,
        double offset,
        String scaleFactorPoint,
        int bit) implements PointAddress {

    /** Registers (or bits, for coil tables) this point occupies. */
    public int width() {
        return table.bitTable() ? 1 : type.registers();
    }

    public int end() {
        return address + width();
    }
}
