package io.plantd.drivers.profile;

/** Wire types of a Modbus point, with the number of 16-bit registers each spans. */
public enum DataType {
    BOOL(1),
    INT16(1),
    UINT16(1),
    INT32(2),
    UINT32(2),
    FLOAT32(2),
    FLOAT64(4);

    private final int registers;

    DataType(int registers) {
        this.registers = registers;
    }

    public int registers() {
        return registers;
    }
}
