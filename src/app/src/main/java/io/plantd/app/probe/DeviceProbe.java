package io.plantd.app.probe;

import io.plantd.drivers.modbus.ModbusDevice;
import io.plantd.drivers.modbus.ModbusSettings;
import io.plantd.drivers.modbus.PointReading;
import io.plantd.drivers.point.PointValue;
import io.plantd.drivers.poll.DeviceException;
import io.plantd.drivers.profile.DeviceProfile;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The commissioning read behind {@code plantd probe}: connects, reads every point of one device
 * once and prints what came back, so an engineer can check a register map against the device.
 */
public final class DeviceProbe {
    private final String deviceId;
    private final DeviceProfile profile;
    private final ModbusSettings settings;

    /** What one probe found: the readings, or why the device could not be read at all. */
    public record Outcome(boolean reachable, String failure, List<PointReading> readings, long latencyNanos) {
    }

    public DeviceProbe(String deviceId, DeviceProfile profile, ModbusSettings settings) {
        this.deviceId = deviceId;
        this.profile = profile;
        this.settings = settings;
    }

    /** The reads one poll makes, as a table; also checks that the profile can be planned. */
    public String plan() {
        try (ModbusDevice device = new ModbusDevice(deviceId, profile, settings)) {
            return device.plan().toTable();
        }
    }

    public Outcome run(Clock clock) {
        long started = System.nanoTime();
        try (ModbusDevice device = new ModbusDevice(deviceId, profile, settings)) {
            List<PointReading> readings = device.read(clock.millis());
            return new Outcome(true, "", readings, System.nanoTime() - started);
        } catch (DeviceException e) {
            return new Outcome(false, e.reason(), List.of(), System.nanoTime() - started);
        }
    }

    /** Prints the header line and, when the device answered, one row per point. */
    public void print(Outcome outcome, PrintWriter out) {
        out.printf(Locale.ROOT, "device %s (profile %s) at %s: ", deviceId, profile.name(), settings.endpoint());
        if (!outcome.reachable()) {
            out.printf(Locale.ROOT, "UNREACHABLE after %.1f ms: %s%n", outcome.latencyNanos() / 1e6, outcome.failure());
            out.flush();
            return;
        }
        long good = outcome.readings().stream().filter(r -> r.value().isGood()).count();
        out.printf(Locale.ROOT, "%d point(s), %d GOOD, read in %.1f ms including connect%n", outcome.readings().size(), good,
                outcome.latencyNanos() / 1e6);
        int nameWidth = Math.max(5, outcome.readings().stream().mapToInt(r -> r.point().length()).max().orElse(5));
        String format = "%-" + nameWidth + "s  %16s  %-6s  %-7s  %-29s  %10s  %s%n";
        out.printf(Locale.ROOT, format, "POINT", "VALUE", "UNIT", "QUALITY", "RAW", "LATENCY ms", "REASON");
        for (PointReading r : outcome.readings()) {
            PointValue v = r.value();
            out.printf(Locale.ROOT, format, r.point(), v.isGood() ? formatValue(v.value()) : "-", v.unit(),
                    v.quality(), r.raw(), String.format(Locale.ROOT, "%.2f", r.readNanos() / 1e6), v.reason());
        }
        out.flush();
    }

    static String formatValue(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
