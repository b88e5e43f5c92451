package io.plantd.sim.bacnet;

import io.plantd.drivers.profile.DeviceProfile;
import io.plantd.drivers.profile.PointDef;
import io.plantd.sim.device.SimDevice;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Couples one simulated device to the BACnet object table that serves it. Commands flow one way:
 * the effective Present_Value of each writable object (whatever wins its priority array, or the
 * relinquish default) is what the device is told, so an operator's priority-8 write beats
 * plantd's priority-10 one exactly as on a real controller. Measurements flow the other way.
 * Both run on the simulation thread, between steps.
 */
public final class BacnetDeviceBinding {
    private static final Logger LOG = LoggerFactory.getLogger(BacnetDeviceBinding.class);

    private final SimDevice device;
    private final BacnetObjectTable table;
    private final List<String> commands;
    private final List<String> measurements;
    /** The last effective value the device refused, per point: logged once, not every step. */
    private final Map<String, Double> refused = new HashMap<>();

    private BacnetDeviceBinding(SimDevice device, BacnetObjectTable table, List<String> commands,
                                List<String> measurements) {
        this.device = device;
        this.table = table;
        this.commands = commands;
        this.measurements = measurements;
    }

    /**
     * A table for {@code device} laid out as {@code profile}, every object starting at the
     * device's current value (so the commands' relinquish defaults are what the unit shows now).
     */
    public static BacnetDeviceBinding create(SimDevice device, DeviceProfile profile, int deviceInstance) {
        Map<String, Double> initial = new LinkedHashMap<>();
        for (PointDef def : profile.points()) {
            initial.put(def.name(), device.read(def.name()));
        }
        BacnetObjectTable table = BacnetObjectTable.fromProfile(deviceInstance, profile, initial);
        List<String> commands = profile.points().stream().filter(PointDef::writable).map(PointDef::name).toList();
        List<String> measurements = profile.points().stream().filter(p -> !p.writable()).map(PointDef::name).toList();
        return new BacnetDeviceBinding(device, table, commands, measurements);
    }

    public SimDevice device() {
        return device;
    }

    public BacnetObjectTable table() {
        return table;
    }

    /**
     * Hands the device every command whose effective value differs from what it holds; returns
     * how many it took. A value the device refuses (e.g. BLEND on a unit without blend) changes
     * nothing and is logged once.
     */
    public int applyCommands() {
        int applied = 0;
        for (String point : commands) {
            double wanted = table.point(point);
            if (Double.isNaN(wanted) || wanted == device.read(point)) {
                continue;
            }
            if (device.write(point, wanted)) {
                applied++;
                refused.remove(point);
            } else if (!Double.valueOf(wanted).equals(refused.put(point, wanted))) {
                LOG.warn("{}: BACnet {} = {} refused by the simulated unit; it keeps {}", device.id(), point, wanted,
                        device.read(point));
            }
        }
        return applied;
    }

    /** Copies the device's measurements into the objects; a device scripted to drop out goes silent. */
    public void publish(SimulatedBacnetDevice served) {
        for (String point : measurements) {
            table.setPoint(point, device.read(point));
        }
        served.setSilent(!device.responding());
    }
}
