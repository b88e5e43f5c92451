package io.plantd.app.wiring;

import io.plantd.controller.config.Connection;
import io.plantd.controller.config.DeviceConfig;
import io.plantd.drivers.modbus.ModbusDevice;
import io.plantd.drivers.modbus.ModbusSettings;
import io.plantd.drivers.poll.PollSettings;
import io.plantd.drivers.profile.DeviceProfile;

/**
 * Translates the controller's validated config records into the drivers' own settings: the
 * drivers never see the site config.
 */
public final class ConnectionSettings {
    private ConnectionSettings() {
    }

    /**
     * @throws IllegalArgumentException for a connection that is not Modbus (BACnet devices are
     *                                  built by the BACnet driver)
     */
    public static ModbusSettings fromConfig(Connection connection) {
        if (connection instanceof Connection.ModbusTcp t) {
            return new ModbusSettings(t.rtuOverTcp() ? ModbusSettings.Framing.RTU_OVER_TCP : ModbusSettings.Framing.TCP,
                    t.host(), t.port(), null, t.unitId(), t.timeoutMs(), t.retries(), t.maxRegistersPerRead(), 0);
        }
        if (connection instanceof Connection.ModbusRtu r) {
            return new ModbusSettings(ModbusSettings.Framing.RTU_SERIAL, null, 0,
                    new ModbusSettings.SerialLine(r.serialPort(), r.baudRate(), r.parity(), r.dataBits(), r.stopBits()),
                    r.unitId(), r.timeoutMs(), r.retries(), r.maxRegistersPerRead(), 0);
        }
        throw new IllegalArgumentException("not a Modbus connection: " + connection.getClass().getSimpleName());
    }

    /** The device's poll period and bus. */
    public static PollSettings pollSettings(DeviceConfig device) {
        return new PollSettings(device.pollPeriodMs(), device.bus());
    }

    /** A pollable Modbus device for a configured device and its profile. */
    public static ModbusDevice modbusDevice(DeviceConfig device, DeviceProfile profile) {
        return new ModbusDevice(device.id(), profile, fromConfig(device.connection()));
    }
}
