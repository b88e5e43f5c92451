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
 * in place every second; the image handed to the step wraps that map, which nobody writes while
 * the step runs.
 *
 * <p>Every point of an answering device is read at {@link #read} (the plant moves after the
 * step, so the numbers must be taken now), but only as a number: the {@link PointValue} is built
 * when someone asks for it, with the same value, unit, quality and time the eager read gave. A
 * third of the points (commands, heartbeat, counters) are never asked for by the controller.
 *
 * <p>A device that does not answer (scripted dropout) keeps its last values, which age to STALE
 * after {@code maxAgeMs} as a real poller's would.
 */
public final class SimProcessImage {
    private final SimDevice[] devices;
    /** Device d's points are slots {@code firstSlot[d]} to {@code firstSlot[d + 1]}, in {@code points()} order. */
    private final int[] firstSlot;
    private final String[] units;
    private final double[] numbers;
    /** Per slot, its device: the read time and whether it was ever read are kept per device. */
    private final int[] deviceOf;
    private final long[] readAtMs;
    private final boolean[] everRead;
    private final PointTable values;
    private final long maxAgeMs;

    public SimProcessImage(SimDevices simDevices, long maxAgeMs) {
        List<SimDevice> all = simDevices.all();
        this.devices = all.toArray(SimDevice[]::new);
        this.firstSlot = new int[devices.length + 1];
        this.maxAgeMs = maxAgeMs;
        List<PointId> ids = new ArrayList<>();
        List<String> unitList = new ArrayList<>();
        List<Integer> deviceList = new ArrayList<>();
        for (int d = 0; d < devices.length; d++) {
            firstSlot[d] = ids.size();
            for (SimPoint p : devices[d].points()) {
                ids.add(PointId.of(devices[d].id(), p.name()));
                unitList.add(p.unit());
                deviceList.add(d);
            }
        }
        firstSlot[devices.length] = ids.size();
        this.units = unitList.toArray(String[]::new);
        this.numbers = new double[ids.size()];
        this.deviceOf = deviceList.stream().mapToInt(Integer::intValue).toArray();
        this.readAtMs = new long[devices.length];
        this.everRead = new boolean[devices.length];
        // an empty slot is built from the number read; before the first read there is nothing
        this.values = new PointTable(ids, slot -> everRead[deviceOf[slot]] ? fromNumber(slot) : null);
    }

    /** Reads every answering device now and returns the frozen image for this cycle. */
    public ProcessImage read(long nowMs) {
        for (int d = 0; d < devices.length; d++) {
            SimDevice device = devices[d];
            int first = firstSlot[d];
            int end = firstSlot[d + 1];
            if (device.responding()) {
                for (int s = first; s < end; s++) {
                    numbers[s] = device.readAt(s - first);
                }
                readAtMs[d] = nowMs;
                everRead[d] = true;
                values.clear(first, end);
            } else {
                for (int s = first; s < end; s++) {
                    PointValue old = lastValue(s);
                    values.set(s, old == null ? PointValue.missing("device not answering")
                            : old.agedAt(nowMs, maxAgeMs));
                }
            }
        }
        values.restartSequence();
        return new ProcessImage(nowMs, values);
    }

    /** What the slot showed in the previous image (built now if nobody asked for it then). */
    private PointValue lastValue(int slot) {
        PointValue shown = values.at(slot);
        if (shown != null) {
            return shown;
        }
        return everRead[deviceOf[slot]] ? fromNumber(slot) : null;
    }

    private PointValue fromNumber(int slot) {
        double v = numbers[slot];
        long at = readAtMs[deviceOf[slot]];
        return Double.isFinite(v) ? PointValue.good(v, units[slot], at) : PointValue.bad(units[slot], "not a number", at);
    }
}
