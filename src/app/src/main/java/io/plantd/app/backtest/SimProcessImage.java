package io.plantd.app.backtest;

import io.plantd.drivers.point.PointId;
import io.plantd.drivers.point.PointValue;
import io.plantd.drivers.point.ProcessImage;
import io.plantd.sim.device.SimDevice;
import io.plantd.sim.device.SimDevices;
import io.plantd.sim.device.SimPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The process image the controller would see, read in-process from the simulated devices' points
 * (same device and point names as the simulator serves over Modbus). The lean path for
 * accelerated runs: point ids are resolved once to slots of a fixed {@link PointTable}, refreshed
 * in place every second (array stores, no rehashing);
 * the image handed to the step wraps that map, which nobody writes while the step runs.
 *
 * <p>A device that does not answer (scripted dropout) keeps its last values, which age to STALE
 * after {@code maxAgeMs} as a real poller's would.
 */
public final class SimProcessImage {
    private final SimDevice[] devices;
    private final String[][] names;
    private final String[][] units;
    private final int[][] slots;
    private final PointTable values;
    private final long maxAgeMs;

    public SimProcessImage(SimDevices simDevices, long maxAgeMs) {
        List<SimDevice> all = simDevices.all();
        this.devices = all.toArray(SimDevice[]::new);
        this.names = new String[devices.length][];
        this.units = new String[devices.length][];
        this.slots = new int[devices.length][];
        this.maxAgeMs = maxAgeMs;
        List<PointId> ids = new ArrayList<>();
        for (int d = 0; d < devices.length; d++) {
            List<SimPoint> points = devices[d].points();
            names[d] = new String[points.size()];
            units[d] = new String[points.size()];
            slots[d] = new int[points.size()];
            for (int p = 0; p < points.size(); p++) {
                names[d][p] = points.get(p).name();
                units[d][p] = points.get(p).unit();
                slots[d][p] = ids.size();
                ids.add(PointId.of(devices[d].id(), points.get(p).name()));
            }
        }
        this.values = new PointTable(ids);
    }

    /** Reads every answering device now and returns the frozen image for this cycle. */
    public ProcessImage read(long nowMs) {
        for (int d = 0; d < devices.length; d++) {
            SimDevice device = devices[d];
            int[] slot = slots[d];
            if (device.responding()) {
                String[] n = names[d];
                String[] u = units[d];
                for (int p = 0; p < slot.length; p++) {
                    double v = device.read(n[p]);
                    values.set(slot[p], Double.isFinite(v) ? PointValue.good(v, u[p], nowMs)
                            : PointValue.bad(u[p], "not a number", nowMs));
                }
            } else {
                for (int s : slot) {
                    PointValue old = values.at(s);
                    values.set(s, old == null ? PointValue.missing("device not answering")
                            : old.agedAt(nowMs, maxAgeMs));
                }
            }
        }
        return new ProcessImage(nowMs, values);
    }
}
