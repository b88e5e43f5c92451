package io.plantd.app.backtest;

import io.plantd.controller.cycle.DriveCommand;
import io.plantd.controller.policy.DriveMode;
import io.plantd.sim.device.PointNames;
import io.plantd.sim.device.SimDevice;
import io.plantd.sim.device.SimDevices;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies drive commands to the simulated chillers as plantd's actuator does on the wire: a
 * drive-mode (and BLEND share) write only when it changes, the share before the mode, and a
 * heartbeat that changes every cycle so the units' watchdogs keep them under remote control.
 * Counts the mode changes written: the strategy's decision count.
 */
public final class SimActuator {
    private final Map<String, Unit> units = new HashMap<>();
    /** The units in device order, for the heartbeat (no iterator per cycle). */
    private final Unit[] all;
    /** Per command position, the unit the last command there went to: commands come in the same order every cycle. */
    private Unit[] byPosition = new Unit[0];
    private long decisions;
    private long refused;
    private int heartbeat;

    private static final class Unit {
        final SimDevice device;
        final String id;
        DriveMode lastMode;
        double lastSharePct = Double.NaN;

        Unit(SimDevice device) {
            this.device = device;
            this.id = device.id();
        }
    }

    public SimActuator(SimDevices devices) {
        List<Unit> list = new java.util.ArrayList<>();
        for (SimDevice d : devices.all()) {
            if (d.kind() == io.plantd.drivers.profile.DeviceKind.CHILLER) {
                Unit u = new Unit(d);
                units.put(d.id(), u);
                list.add(u);
            }
        }
        this.all = list.toArray(Unit[]::new);
    }

    public void apply(List<DriveCommand> commands) {
        for (int i = 0; i < commands.size(); i++) {
            DriveCommand c = commands.get(i);
            Unit u = unitFor(i, c.chillerId());
            if (u == null) {
                refused++;
                continue;
            }
            if (c.mode() == DriveMode.BLEND) {
                double pct = Math.max(0.0, Math.min(1.0, c.engineShare())) * 100.0;
                if (pct != u.lastSharePct) {
                    // whole percent: the register is an integer
                    if (u.device.write(PointNames.Chiller.ENGINE_SHARE_CMD, Math.rint(pct))) {
                        u.lastSharePct = pct;
                    } else {
                        refused++;
                    }
                }
            }
            if (c.mode() != u.lastMode) {
                if (u.device.write(PointNames.Chiller.DRIVE_MODE_CMD, c.mode().code())) {
                    u.lastMode = c.mode();
                    decisions++;
                } else {
                    refused++;
                }
            }
        }
        heartbeat = (heartbeat + 1) & 0xFFFF;
        for (Unit u : all) {
            u.device.write(PointNames.Chiller.HEARTBEAT, heartbeat);
        }
    }

    /** The unit for the command at position {@code i}: the same as last cycle's when its id is equal. */
    private Unit unitFor(int i, String chillerId) {
        if (i < byPosition.length && byPosition[i] != null && byPosition[i].id.equals(chillerId)) {
            return byPosition[i];
        }
        Unit u = units.get(chillerId);
        if (i >= byPosition.length) {
            byPosition = java.util.Arrays.copyOf(byPosition, i + 1);
        }
        byPosition[i] = u;
        return u;
    }

    /** Drive-mode changes written. */
    public long decisions() {
        return decisions;
    }

    /** Writes the simulated unit refused (should stay 0). */
    public long refused() {
        return refused;
    }
}
