package io.plantd.sim.device;

import static io.plantd.drivers.profile.DataType.FLOAT32;
import static io.plantd.drivers.profile.DataType.UINT16;
import static io.plantd.drivers.profile.DataType.UINT32;
import static io.plantd.drivers.profile.RegisterTable.HOLDING;
import static io.plantd.drivers.profile.RegisterTable.INPUT;

import io.plantd.drivers.profile.DeviceKind;
import java.util.List;

/**
 * The register tables of the simulated devices, one per profile in config/profiles. Commands
 * live in holding registers (FC03 read, FC06/FC16 write); measurements in input registers (FC04).
 * Flags are uint16 0/1. Floats are IEEE-754 float32 in ABCD order.
 */
public final class RegisterMaps {
    public static final String CHILLER_PROFILE = "sim-hybrid-chiller";
    public static final String METER_PROFILE = "sim-site-meter";
    public static final String GRID_PROFILE = "sim-grid-gateway";

    public static final List<SimPoint> CHILLER = List.of(
            new SimPoint(PointNames.Chiller.DRIVE_MODE_CMD, HOLDING, 0, UINT16, "", true, 0, 3,
                    "commanded drive: 0 LOCAL, 1 MOTOR, 2 ENGINE, 3 BLEND"),
            new SimPoint(PointNames.Chiller.ENGINE_SHARE_CMD, HOLDING, 1, UINT16, "%", true, 0, 100,
                    "engine share of the load when BLEND is commanded"),
            new SimPoint(PointNames.Chiller.HEARTBEAT, HOLDING, 2, UINT16, "", true, 0, 65535,
                    "must change at least every 60 s or the chiller reverts to LOCAL"),
            new SimPoint(PointNames.Chiller.DRIVE_MODE_STATUS, INPUT, 0, UINT16, "", false, 0, 3,
                    "drive actually carrying the load: 0 LOCAL (own control, motor), 1 MOTOR, 2 ENGINE, 3 BLEND"),
            new SimPoint(PointNames.Chiller.ENGINE_READY, INPUT, 1, UINT16, "", false, 0, 1,
                    "1 when the engine can start: gas pressure fine, no fault, no latched trip or failed start"),
            new SimPoint(PointNames.Chiller.ENGINE_RUNNING, INPUT, 2, UINT16, "", false, 0, 1,
                    "1 from engine firing (warm-up) until it stops after cool-down"),
            new SimPoint(PointNames.Chiller.ENGINE_START_FAILED, INPUT, 3, UINT16, "", false, 0, 1,
                    "latched after a failed start; clears when MOTOR or LOCAL is commanded"),
            new SimPoint(PointNames.Chiller.GAS_PRESSURE_LOW, INPUT, 4, UINT16, "", false, 0, 1,
                    "1 while gas supply pressure is low (engine unavailable)"),
            new SimPoint(PointNames.Chiller.FAULT, INPUT, 5, UINT16, "", false, 0, 1,
                    "1 while the chiller is faulted and delivers no cooling"),
            new SimPoint(PointNames.Chiller.MOTOR_POWER, INPUT, 6, FLOAT32, "kW", false, 0, 5000,
                    "electrical power drawn by the motor drive"),
            new SimPoint(PointNames.Chiller.COOLING_LOAD, INPUT, 8, FLOAT32, "tons", false, 0, 5000,
                    "cooling delivered"),
            new SimPoint(PointNames.Chiller.ENGINE_RUN_HOURS, INPUT, 10, FLOAT32, "h", false, 0, 1_000_000,
                    "engine run-hour counter"),
            new SimPoint(PointNames.Chiller.ENGINE_STARTS, INPUT, 12, UINT32, "", false, 0, 4_294_967_295.0,
                    "engine start-attempt counter"));

    public static final List<SimPoint> METER = List.of(
            new SimPoint(PointNames.Meter.SITE_POWER, INPUT, 0, FLOAT32, "kW", false, 0, 30000,
                    "total site active power, the value the cap applies to"),
            new SimPoint(PointNames.Meter.IT_POWER, INPUT, 2, FLOAT32, "kW", false, 0, 30000,
                    "IT (UPS output) active power"),
            new SimPoint(PointNames.Meter.FREQUENCY, INPUT, 4, FLOAT32, "Hz", false, 40, 70,
                    "supply frequency"));

    public static final List<SimPoint> GRID = List.of(
            new SimPoint(PointNames.Grid.EVENT_LEVEL, INPUT, 0, UINT16, "", false, 0, 3,
                    "OpenADR SIMPLE level: 0 normal, 1 moderate, 2 high, 3 special"),
            new SimPoint(PointNames.Grid.OUTAGE, INPUT, 1, UINT16, "", false, 0, 1,
                    "1 during a utility outage"),
            new SimPoint(PointNames.Grid.CAP_LIMIT, INPUT, 2, FLOAT32, "kW", false, 0, 100000,
                    "grid-event import limit, 0 = none"),
            new SimPoint(PointNames.Grid.PRICE_ELECTRICITY, INPUT, 4, FLOAT32, "$/kWh", false, -10, 100,
                    "electricity price"),
            new SimPoint(PointNames.Grid.PRICE_GAS, INPUT, 6, FLOAT32, "$/therm", false, 0, 100,
                    "natural gas price"),
            new SimPoint(PointNames.Grid.EVENT_START, INPUT, 8, UINT32, "s", false, 0, 4_294_967_295.0,
                    "event start, epoch seconds, 0 = none"),
            new SimPoint(PointNames.Grid.EVENT_END, INPUT, 10, UINT32, "s", false, 0, 4_294_967_295.0,
                    "event end, epoch seconds, 0 = none"),
            new SimPoint(PointNames.Grid.FREQUENCY, INPUT, 12, FLOAT32, "Hz", false, 40, 70,
                    "grid frequency"));

    private RegisterMaps() {
    }

    public static List<SimPoint> forKind(DeviceKind kind) {
        return switch (kind) {
            case CHILLER -> CHILLER;
            case METER -> METER;
            case GRID_GATEWAY -> GRID;
            case OTHER -> throw new IllegalArgumentException("no simulated device of kind OTHER");
        };
    }

    public static String profileFor(DeviceKind kind) {
        return switch (kind) {
            case CHILLER -> CHILLER_PROFILE;
            case METER -> METER_PROFILE;
            case GRID_GATEWAY -> GRID_PROFILE;
            case OTHER -> throw new IllegalArgumentException("no simulated device of kind OTHER");
        };
    }

    /** Registers spanned in {@code table} (highest end address). */
    public static int size(List<SimPoint> points, io.plantd.drivers.profile.RegisterTable table) {
        int end = 0;
        for (SimPoint p : points) {
            if (p.table() == table) {
                end = Math.max(end, p.address() + p.width());
            }
        }
        return end;
    }
}
