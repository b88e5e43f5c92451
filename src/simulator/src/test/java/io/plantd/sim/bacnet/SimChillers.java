package io.plantd.sim.bacnet;

import io.plantd.drivers.profile.BacnetAddress;
import io.plantd.drivers.profile.DeviceKind;
import io.plantd.drivers.profile.DeviceProfile;
import io.plantd.drivers.profile.PointDef;
import io.plantd.drivers.profile.Protocol;
import java.util.ArrayList;
import java.util.List;

/** Small profiles and object tables shared by the loopback tests. */
final class SimChillers {
    static final int DEVICE_INSTANCE = 260001;

    private SimChillers() {
    }

    static PointDef point(String name, String object, int instance, boolean writable, double min, double max) {
        return new PointDef(name, "", writable, min, max, 5000, "",
                new BacnetAddress(object, instance, "present-value", -1, 10));
    }

    static DeviceProfile profile(PointDef... points) {
        return new DeviceProfile("test-bacnet-chiller", "test", Protocol.BACNET, DeviceKind.CHILLER,
                List.of(points), List.of());
    }

    /** drive_mode_cmd (commandable AV 1, relinquish default 0), motor_power AI 2, engine_running BI 2. */
    static DeviceProfile chiller() {
        return profile(
                point("drive_mode_cmd", "analog-value", 1, true, 0, 3),
                point("motor_power", "analog-input", 2, false, 0, 5000),
                point("engine_running", "binary-input", 2, false, Double.NaN, Double.NaN));
    }

    static BacnetObjectTable chillerTable(int maxApdu) {
        return new BacnetObjectTable(DEVICE_INSTANCE, "chiller-1", maxApdu)
                .addAnalogValue(1, "drive_mode_cmd", 0f, true)
                .addAnalogInput(2, "motor_power", 812.5f)
                .addBinaryInput(2, "engine_running", true);
    }

    /** A profile of {@code n} analog inputs 100.. and a table serving them with value = instance. */
    static DeviceProfile manyInputs(int n) {
        List<PointDef> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(point("ai_" + (100 + i), "analog-input", 100 + i, false, Double.NaN, Double.NaN));
        }
        return new DeviceProfile("many", "", Protocol.BACNET, DeviceKind.OTHER, points, List.of());
    }

    static BacnetObjectTable manyInputsTable(int n, int maxApdu) {
        BacnetObjectTable table = new BacnetObjectTable(DEVICE_INSTANCE, "many", maxApdu);
        for (int i = 0; i < n; i++) {
            table.addAnalogInput(100 + i, "ai_" + (100 + i), 100 + i);
        }
        return table;
    }
}
