package io.plantd.drivers.modbus;

import io.plantd.drivers.profile.AddressRange;
import io.plantd.drivers.profile.DataType;
import io.plantd.drivers.profile.DeviceKind;
import io.plantd.drivers.profile.DeviceProfile;
import io.plantd.drivers.profile.ModbusAddress;
import io.plantd.drivers.profile.PointDef;
import io.plantd.drivers.profile.Protocol;
import io.plantd.drivers.profile.RegisterTable;
import io.plantd.drivers.profile.WordOrder;
import java.util.List;

/** Builds profile points in code for tests. */
public final class TestPoints {
    private TestPoints() {
    }

    public static PointDef point(String name, RegisterTable table, int address, DataType type, WordOrder order) {
        return def(name, table, address, type, order, 1.0, 0.0, null, -1, false, Double.NaN, Double.NaN);
    }

    public static PointDef holding(String name, int address, DataType type) {
        return point(name, RegisterTable.HOLDING, address, type, WordOrder.ABCD);
    }

    public static PointDef def(String name, RegisterTable table, int address, DataType type, WordOrder order,
                               double scale, double offset, String scaleFactorPoint, int bit, boolean writable,
                               double min, double max) {
        return new PointDef(name, "u", writable, min, max, 5000, "test point " + name,
                new ModbusAddress(table, address, type, order, scale, offset, scaleFactorPoint, bit));
    }

    public static PointDef writable(PointDef p) {
        return new PointDef(p.name(), p.unit(), true, p.min(), p.max(), p.maxAgeMillis(), p.description(), p.address());
    }

    public static PointDef limited(PointDef p, double min, double max) {
        return new PointDef(p.name(), p.unit(), p.writable(), min, max, p.maxAgeMillis(), p.description(), p.address());
    }

    public static DeviceProfile profile(String name, List<PointDef> points, List<AddressRange> gaps) {
        return new DeviceProfile(name, "test profile", Protocol.MODBUS, DeviceKind.OTHER, points, gaps);
    }

    public static DeviceProfile profile(String name, List<PointDef> points) {
        return profile(name, points, List.of());
    }
}
