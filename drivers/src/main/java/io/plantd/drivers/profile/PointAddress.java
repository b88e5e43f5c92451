package io.plantd.drivers.profile;

/** Where a point lives on its device: protocol-specific. */
public sealed interface PointAddress permits ModbusAddress, BacnetAddress {
}
