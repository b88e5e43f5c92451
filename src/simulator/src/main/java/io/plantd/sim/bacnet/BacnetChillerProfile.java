package io.plantd.sim.bacnet;

import io.plantd.drivers.profile.BacnetAddress;
import io.plantd.drivers.profile.DeviceKind;
import io.plantd.drivers.profile.DeviceProfile;
import io.plantd.drivers.profile.PointDef;
import io.plantd.drivers.profile.Protocol;
import io.plantd.sim.device.PointNames.Chiller;
import java.util.List;

/**
 * The objects a simulated chiller serves over BACnet/IP: the layout of the shipped
 * config/profiles/generic-bacnet-hybrid-chiller.yaml (a test keeps the two equal), so a site
 * config points plantd at the simulator with that profile. Kept in code because the simulator
 * runs from a jar without the config folder.
 */
public final class BacnetChillerProfile {
    public static final String NAME = "generic-bacnet-hybrid-chiller";
    private static final long MAX_AGE_MS = 5_000;
    private static final long COUNTER_MAX_AGE_MS = 60_000;
    private static final int PRIORITY = 10;

    private BacnetChillerProfile() {
    }

    public static DeviceProfile profile() {
        return new DeviceProfile(NAME, "Hybrid-drive chiller served by the plantd simulator over BACnet/IP",
                Protocol.BACNET, DeviceKind.CHILLER, List.of(
                        point(Chiller.DRIVE_MODE_CMD, "analog-value", 1, "", true, 0, 3, MAX_AGE_MS),
                        point(Chiller.ENGINE_SHARE_CMD, "analog-value", 2, "%", true, 0, 100, MAX_AGE_MS),
                        point(Chiller.HEARTBEAT, "analog-value", 3, "", true, 0, 65535, MAX_AGE_MS),
                        point(Chiller.DRIVE_MODE_STATUS, "analog-input", 1, "", false, 0, 3, MAX_AGE_MS),
                        point(Chiller.MOTOR_POWER, "analog-input", 2, "kW", false, 0, 5000, MAX_AGE_MS),
                        point(Chiller.COOLING_LOAD, "analog-input", 3, "tons", false, 0, 5000, MAX_AGE_MS),
                        point(Chiller.ENGINE_READY, "binary-input", 1, "", false, Double.NaN, Double.NaN, MAX_AGE_MS),
                        point(Chiller.ENGINE_RUNNING, "binary-input", 2, "", false, Double.NaN, Double.NaN, MAX_AGE_MS),
                        point(Chiller.ENGINE_START_FAILED, "binary-input", 3, "", false, Double.NaN, Double.NaN,
                                MAX_AGE_MS),
                        point(Chiller.GAS_PRESSURE_LOW, "binary-input", 4, "", false, Double.NaN, Double.NaN, MAX_AGE_MS),
                        point(Chiller.FAULT, "binary-input", 5, "", false, Double.NaN, Double.NaN, MAX_AGE_MS),
                        point(Chiller.ENGINE_RUN_HOURS, "analog-input", 4, "h", false, 0, Double.NaN, COUNTER_MAX_AGE_MS),
                        point(Chiller.ENGINE_STARTS, "analog-input", 5, "", false, 0, Double.NaN, COUNTER_MAX_AGE_MS)),
                List.of());
    }

    private static PointDef point(String name, String object, int instance, String unit, boolean writable,
                                  double min, double max, long maxAgeMs) {
        return new PointDef(name, unit, writable, min, max, maxAgeMs, "",
                new BacnetAddress(object, instance, "present-value", -1, PRIORITY));
    }
}
