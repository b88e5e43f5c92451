package io.plantd.drivers.modbus;

import io.plantd.drivers.api.WriteResult;
import io.plantd.drivers.point.PointId;
import io.plantd.drivers.point.PointValue;
import io.plantd.drivers.poll.DeviceException;
import io.plantd.drivers.poll.DeviceSource;
import io.plantd.drivers.poll.FailureKind;
import io.plantd.drivers.profile.DeviceProfile;
import io.plantd.drivers.profile.ModbusAddress;
import io.plantd.drivers.profile.PointDef;
import io.plantd.drivers.profile.Protocol;
import io.plantd.drivers.profile.RegisterTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Modbus device described by a profile: polls it with the planned reads, decodes every
 * point (scale-factor points are taken from the same poll), and writes with read-back.
 */
public final class ModbusDevice implements DeviceSource {
    private final String id;
    private final DeviceProfile profile;
    private final ModbusSettings settings;
    private final ModbusLink link;
    private final ReadPlan plan;
    private final Map<String, String> units = new LinkedHashMap<>();
    private final Map<String, Long> maxAges = new LinkedHashMap<>();

    public ModbusDevice(String id, DeviceProfile profile, ModbusSettings settings) {
        this(id, profile, settings, new J2modLink(settings));
    }

    /**
     * @throws IllegalArgumentException when the profile is not a Modbus profile or cannot be
     *                                  planned (a point in a gap, overlapping points too wide)
     */
    public ModbusDevice(String id, DeviceProfile profile, ModbusSettings settings, ModbusLink link) {
        if (profile.protocol() != Protocol.MODBUS) {
            throw new IllegalArgumentException("device " + id + ": profile " + profile.name() + " is not a Modbus profile");
        }
        for (PointDef p : profile.points()) {
            if (!(p.address() instanceof ModbusAddress)) {
                throw new IllegalArgumentException("device " + id + ": point " + p.name() + " has no Modbus address");
            }
            units.put(p.name(), p.unit());
            maxAges.put(p.name(), p.maxAgeMillis());
        }
        this.id = id;
        this.profile = profile;
        this.settings = settings;
        this.link = link;
        this.plan = new ReadPlanner(settings.maxRegistersPerRead(), settings.maxHoleRegisters())
                .plan(profile.points(), profile.gaps());
    }

    @Override
    public String id() {
        return id;
    }

    public DeviceProfile profile() {
        return profile;
    }

    public ReadPlan plan() {
        return plan;
    }

    @Override
    public Map<String, String> units() {
        return units;
    }

    @Override
    public Map<String, Long> maxAges() {
        return maxAges;
    }

    @Override
    public String endpoint() {
        return settings.endpoint();
    }

    @Override
    public Map<String, PointValue> poll(long timestampMillis) throws DeviceException {
        Map<String, PointValue> values = new LinkedHashMap<>();
        for (PointReading r : read(timestampMillis)) {
            values.put(r.point(), r.value());
        }
        return values;
    }

    /** What one request returned: registers, bits, or the device's refusal. */
    private record Fetched(ReadRequest request, int[] words, boolean[] bits, String refusal, long nanos) {
    }

    /** Reads every point once, with the raw registers behind each value. */
    public List<PointReading> read(long timestampMillis) throws DeviceException {
        Map<String, Fetched> byPoint = new HashMap<>();
        ModbusExceptionResponse firstRefusal = null;
        int refused = 0;
        for (ReadRequest req : plan.requests()) {
            Fetched f;
            long started = System.nanoTime();
            try {
                if (req.table().bitTable()) {
                    boolean[] bits = link.readBits(req.table(), req.start(), req.count());
                    f = new Fetched(req, null, bits, null, System.nanoTime() - started);
                } else {
                    int[] words = link.readRegisters(req.table(), req.start(), req.count());
                    f = new Fetched(req, words, null, null, System.nanoTime() - started);
                }
            } catch (ModbusExceptionResponse e) {
                refused++;
                firstRefusal = firstRefusal == null ? e : firstRefusal;
                f = new Fetched(req, null, null, e.reason(), System.nanoTime() - started);
            }
            for (String p : req.points()) {
                byPoint.put(p, f);
            }
        }
        if (refused > 0 && refused == plan.requests().size()) {
            throw new DeviceException(FailureKind.DEVICE_EXCEPTION, "every read refused: " + firstRefusal.reason(),
                    firstRefusal);
        }
        Decoder decoder = new Decoder(byPoint, timestampMillis);
        List<PointReading> readings = new ArrayList<>();
        for (PointDef p : profile.points()) {
            readings.add(new PointReading(p.name(), decoder.value(p), decoder.raw(p), byPoint.get(p.name()).nanos()));
        }
        return readings;
    }

    /** Decodes one poll's points, resolving scale-factor points once each. */
    private final class Decoder {
        private final Map<String, Fetched> byPoint;
        private final long timestamp;
        private final Map<String, PointValue> done = new HashMap<>();
        private final Set<String> resolving = new HashSet<>();

        Decoder(Map<String, Fetched> byPoint, long timestamp) {
            this.byPoint = byPoint;
            this.timestamp = timestamp;
        }

        PointValue value(PointDef p) {
            PointValue v = done.get(p.name());
            if (v == null) {
                if (!resolving.add(p.name())) {
                    return PointValue.bad(p.unit(), "scale factor cycle through " + p.name(), timestamp);
                }
                v = decode(p);
                resolving.remove(p.name());
                done.put(p.name(), v);
            }
            return v;
        }

        private PointValue decode(PointDef p) {
            Fetched f = byPoint.get(p.name());
            if (f.refusal() != null) {
                return PointValue.bad(p.unit(), f.refusal(), timestamp);
            }
            ModbusAddress a = p.modbus();
            int offset = a.address() - f.request().start();
            if (a.table().bitTable()) {
                return PointCodec.decodeBit(p, f.bits()[offset], timestamp);
            }
            int sf = 0;
            String sfPoint = a.scaleFactorPoint();
            if (sfPoint != null && !sfPoint.isBlank()) {
                PointDef sfDef = profile.point(sfPoint).orElse(null);
                if (sfDef == null) {
                    return PointValue.bad(p.unit(), "scale factor point " + sfPoint + " is not in profile "
                            + profile.name(), timestamp);
                }
                PointValue sfValue = value(sfDef);
                String problem = scaleFactorProblem(sfPoint, sfValue);
                if (problem != null) {
                    return PointValue.bad(p.unit(), problem, timestamp);
                }
                sf = (int) sfValue.value();
            }
            return PointCodec.decode(p, f.words(), offset, sf, timestamp);
        }

        String raw(PointDef p) {
            Fetched f = byPoint.get(p.name());
            if (f.refusal() != null) {
                return "";
            }
            ModbusAddress a = p.modbus();
            int offset = a.address() - f.request().start();
            if (a.table().bitTable()) {
                return f.bits()[offset] ? "1" : "0";
            }
            return PointCodec.hex(f.words(), offset, a.type().registers());
        }
    }

    private static String scaleFactorProblem(String sfPoint, PointValue sfValue) {
        if (!sfValue.isGood()) {
            return "scale factor " + sfPoint + " is " + sfValue.quality() + ": " + sfValue.reason();
        }
        double sf = sfValue.value();
        if (sf != Math.rint(sf) || Math.abs(sf) > PointCodec.MAX_SCALE_EXPONENT) {
            return "scale factor " + sfPoint + " = " + sf + " is not an integer in -10..10";
        }
        return null;
    }

    @Override
    public WriteResult write(String pointName, double value) {
        PointId pid = PointId.of(id, pointName);
        PointDef def = profile.point(pointName).orElse(null);
        if (def == null) {
            return WriteResult.failed(pid, value, "no point " + pointName + " in profile " + profile.name());
        }
        if (!def.writable()) {
            return WriteResult.failed(pid, value, "point " + pointName + " is not writable in profile " + profile.name());
        }
        ModbusAddress a = def.modbus();
        if (!a.table().writable()) {
            return WriteResult.failed(pid, value, "point " + pointName + " is in the read-only "
                    + a.table().name().toLowerCase() + " table");
        }
        if (!def.withinLimits(value)) {
            return WriteResult.failed(pid, value, "value " + value + " outside limits [" + def.min() + ", "
                    + def.max() + "] of " + pointName);
        }
        try {
            return a.table() == RegisterTable.COIL ? writeCoil(pid, a, value) : writeRegisters(pid, def, value);
        } catch (IllegalArgumentException e) {
            return WriteResult.failed(pid, value, e.getMessage());
        } catch (DeviceException e) {
            return WriteResult.failed(pid, value, "write failed: " + e.reason());
        }
    }

    private WriteResult writeCoil(PointId pid, ModbusAddress a, double value) throws DeviceException {
        if (value != 0 && value != 1) {
            return WriteResult.failed(pid, value, "coil takes 0 or 1, got " + value);
        }
        link.writeCoil(a.address(), value == 1);
        boolean back = link.readBits(RegisterTable.COIL, a.address(), 1)[0];
        double readBack = back ? 1 : 0;
        return readBack == value
                ? WriteResult.verified(pid, value, readBack)
                : new WriteResult(pid, value, readBack, false, "read-back " + readBack + " differs from written " + value);
    }

    private WriteResult writeRegisters(PointId pid, PointDef def, double value) throws DeviceException {
        ModbusAddress a = def.modbus();
        int sf = scaleExponentForWrite(def);
        int[] words = PointCodec.encode(def, value, sf);
        link.writeRegisters(a.address(), words);
        int[] back = link.readRegisters(a.table(), a.address(), words.length);
        PointValue readBack = PointCodec.decode(def, back, 0, sf, 0L);
        if (!Arrays.equals(words, back)) {
            return new WriteResult(pid, value, readBack.value(), false, "read-back " + PointCodec.hex(back, 0, back.length)
                    + " differs from written " + PointCodec.hex(words, 0, words.length));
        }
        return WriteResult.verified(pid, value, readBack.value());
    }

    private int scaleExponentForWrite(PointDef def) throws DeviceException {
        String sfPoint = def.modbus().scaleFactorPoint();
        if (sfPoint == null || sfPoint.isBlank()) {
            return 0;
        }
        PointDef sfDef = profile.point(sfPoint).orElseThrow(() -> new IllegalArgumentException(
                "scale factor point " + sfPoint + " is not in profile " + profile.name()));
        ModbusAddress sa = sfDef.modbus();
        int[] words = link.readRegisters(sa.table(), sa.address(), sa.type().registers());
        String problem = scaleFactorProblem(sfPoint, PointCodec.decode(sfDef, words, 0, 0, 0L));
        if (problem != null) {
            throw new IllegalArgumentException("cannot encode: " + problem);
        }
        return (int) PointCodec.decode(sfDef, words, 0, 0, 0L).value();
    }

    @Override
    public void close() {
        link.close();
    }
}
