package io.plantd.app.wiring;

import io.plantd.controller.config.Connection;
import io.plantd.controller.config.DeviceConfig;
import io.plantd.drivers.poll.DeviceSource;
import io.plantd.drivers.poll.PollSettings;
import io.plantd.drivers.profile.DeviceProfile;

/** Builds the protocol driver for a configured device; the only place that knows which protocols exist. */
public final class DeviceSources {
    private DeviceSources() {
    }

    public static DeviceSource create(DeviceConfig device, DeviceProfile profile) {
        if (device.connection() instanceof Connection.BacnetIp) {
            throw new IllegalStateException("device " + device.id() + ": BACnet/IP driver not wired in this build");
        }
        return ConnectionSettings.modbusDevice(device, profile);
    }

    public static PollSettings pollSettings(DeviceConfig device) {
        return ConnectionSettings.pollSettings(device);
    }
}
