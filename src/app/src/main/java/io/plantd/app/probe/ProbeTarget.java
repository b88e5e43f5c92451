package io.plantd.app.probe;

import io.plantd.drivers.modbus.ModbusSettings;
import io.plantd.drivers.profile.DeviceProfile;

/** One device to probe: its id, its profile and how to reach it. */
public record ProbeTarget(String deviceId, DeviceProfile profile, ModbusSettings settings) {
}
