package io.plantd.drivers.profile;

/** The four Modbus data tables. Coils and holding registers are the writable ones. */
public enum RegisterTable {
    HOLDING(true, false),
    INPUT(false, false),
    COIL(true, true),
    DISCRETE(false, true);

    private final boolean writable;
    private final boolean bitTable;

    RegisterTable(boolean writable, boolean bitTable) {
        this.writable = writable;
        this.bitTable = bitTable;
    }

    public boolean writable() {
        return writable;
    }

    public boolean bitTable() {
        return bitTable;
    }
}
