package io.plantd.drivers.modbus.archfixture;

/** Stands in for a Modbus protocol class (test fixture for the architecture rules only). */
public final class FakeModbusTransport {
    public int unitId() {
        return 1;
    }
}
