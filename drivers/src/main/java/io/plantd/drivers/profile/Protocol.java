package io.plantd.drivers.profile;

public enum Protocol {
    MODBUS,
    BACNET
}
