package io.plantd.controller.archfixture;

import io.plantd.drivers.modbus.archfixture.FakeModbusTransport;

/** Deliberately reaches past the drivers API (test fixture for the architecture rules only). */
public final class ControllerUsingModbus {
    public int unit(FakeModbusTransport transport) {
        return transport.unitId();
    }
}
