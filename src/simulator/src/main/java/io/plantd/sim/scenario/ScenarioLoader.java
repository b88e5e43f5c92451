package io.plantd.sim.scenario;

import io.plantd.drivers.yaml.ConfigErrors;
import io.plantd.drivers.yaml.ConfigException;
import io.plantd.drivers.yaml.YamlDocument;
import io.plantd.drivers.yaml.YamlMap;
import io.plantd.drivers.yaml.YamlValue;
import io.plantd.sim.device.GridDevice;
import io.plantd.sim.device.MeterDevice;
import io.plantd.sim.model.ChillerSpec;
import io.plantd.sim.model.CsvItLoad;
import io.plantd.sim.model.SpikeSpec;
import io.plantd.sim.model.Weather;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a scenario file strictly: unknown keys, wrong types, out-of-range numbers and references
 * to chillers or devices that do not exist are all reported at once as
 * {@code FILE:LINE:COLUMN: path: reason}. The format is documented in docs/simulator.md.
 */
public final class ScenarioLoader {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
    private static final long MAX_DURATION_S = 366L * 86400;

    private ScenarioLoader() {
    }

    public static Scenario load(Path file) throws ConfigException {
        ConfigErrors errors = new ConfigErrors();
        Optional<YamlValue> root = YamlDocument.load(file, errors);
        Scenario s = root.map(r -> read(file, r, errors)).orElse(null);
        errors.throwIfAny();
        return s;
    }

    /** Parses {@code text} as if it were {@code file} (relative CSV paths resolve against its folder). */
    public static Scenario parse(Path file, String text) throws ConfigException {
        ConfigErrors errors = new ConfigErrors();
        Optional<YamlValue> root = YamlDocument.parse(file.toString(), text, errors);
        Scenario s = root.map(r -> read(file, r, errors)).orElse(null);
        errors.throwIfAny();
        return s;
    }

    private static Scenario read(Path file, YamlValue rootValue, ConfigErrors errors) {
        YamlMap root = rootValue.asMap();
        String name = root.requiredString("name");
        String description = root.string("description", "");
        Optional<String> infeasible = root.get("infeasible").map(YamlValue::asString);
        Instant start = root.required("start").map(ScenarioLoader::instant).orElse(Instant.EPOCH);
        long durationS = root.requiredInteger("durationS", 1, MAX_DURATION_S);
        long seed = root.integer("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        double utcOffsetH = root.number("utcOffsetH", 0, -12, 14);
        Scenario.Site site = root.required("site").map(v -> site(file, v.asMap(), errors)).orElse(null);
        List<ChillerSpec> chillers = site == null ? List.of() : site.chillers();
        Scenario.Serve serve = root.get("serve").map(v -> serve(v.asMap(), chillers))
                .orElse(new Scenario.Serve(Scenario.Serve.DEFAULT_HOST, Scenario.Serve.DEFAULT_BASE_PORT, Map.of()));
        List<TimelineEntry> timeline = root.get("timeline").map(v -> timeline(v, durationS, chillers))
                .orElse(List.of());
        root.rejectUnknownKeys();
        if (site == null) {
            return null;
        }
        Weather weather = site.weather();
        if (weather.utcOffsetH() != utcOffsetH) {
            weather = new Weather(weather.baseC(), weather.diurnalAmplitudeC(), weather.peakHour(),
                    weather.seasonalAmplitudeC(), utcOffsetH);
            site = new Scenario.Site(site.serviceCapacityKw(), site.otherFractionOfIt(), site.otherFixedKw(), weather,
                    site.itLoad(), site.chillers(), site.meterNoiseKw(), site.priceElectricity(), site.priceGas(),
                    site.frequencyHz());
        }
        return new Scenario(file, name, description, infeasible, start, durationS, seed, utcOffsetH, site, serve,
                timeline);
    }

    private static Instant instant(YamlValue v) {
        String text = v.asString();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            if (!text.isEmpty()) {
                v.error("expected an ISO-8601 UTC time such as 2026-07-20T12:00:00Z");
            }
            return Instant.EPOCH;
        }
    }

    // ---- site ----

    private static Scenario.Site site(Path file, YamlMap m, ConfigErrors errors) {
        double service = m.requiredNumber("serviceCapacityKw", 1, 10_000_000);
        double fraction = 0;
        double fixed = 0;
        Optional<YamlMap> other = m.map("otherLoad", o -> o);
        if (other.isPresent()) {
            YamlMap o = other.get();
            fraction = o.number("fractionOfIt", 0, 0, 2);
            fixed = o.number("fixedKw", 0, 0, 1_000_000);
            o.rejectUnknownKeys();
        }
        Weather weather = m.map("weather", ScenarioLoader::weather).orElse(Weather.MILD);
        ItLoadSpec it = m.required("itLoad").map(v -> itLoad(file, v.asMap())).orElse(null);
        List<ChillerSpec> chillers = m.required("chillers").map(ScenarioLoader::chillers).orElse(List.of());
        double meterNoise = 0;
        Optional<YamlMap> meter = m.map("meter", x -> x);
        if (meter.isPresent()) {
            meterNoise = meter.get().number("noiseKw", 0, 0, 10_000);
            meter.get().rejectUnknownKeys();
        }
        double priceE = 0.10;
        double priceG = 0.80;
        double hz = 60;
        Optional<YamlMap> grid = m.map("grid", x -> x);
        if (grid.isPresent()) {
            priceE = grid.get().number("priceElectricity", priceE, -10, 100);
            priceG = grid.get().number("priceGas", priceG, 0, 100);
            hz = grid.get().number("frequencyHz", hz, 40, 70);
            grid.get().rejectUnknownKeys();
        }
        m.rejectUnknownKeys();
        return new Scenario.Site(service, fraction, fixed, weather, it, chillers, meterNoise, priceE, priceG, hz);
    }

    private static Weather weather(YamlMap w) {
        Weather d = Weather.MILD;
        Weather out = new Weather(
                w.number("baseC", d.baseC(), -40, 55),
                w.number("diurnalAmplitudeC", d.diurnalAmplitudeC(), 0, 25),
                w.number("peakHour", d.peakHour(), 0, 24),
                w.number("seasonalAmplitudeC", d.seasonalAmplitudeC(), 0, 30),
                0);
        w.rejectUnknownKeys();
        return out;
    }

    private static ItLoadSpec itLoad(Path file, YamlMap m) {
        // A key written with no value (`profile:`) counts as absent, so it cannot slip through as a null source.
        Optional<YamlValue> csv = m.get("csv");
        boolean hasProfile = m.get("profile").isPresent();
        ItLoadSpec spec = null;
        if (hasProfile == csv.isPresent()) {
            m.self().error(hasProfile ? "give either profile or csv, not both" : "give a profile or a csv file");
        }
        if (csv.isPresent()) {
            spec = csv(file, csv.get());
        }
        Optional<YamlMap> profile = m.map("profile", p -> p);
        if (profile.isPresent()) {
            YamlMap p = profile.get();
            SpikeSpec spikes = p.map("spikes", ScenarioLoader::spikes).orElse(SpikeSpec.NONE);
            spec = new ItLoadSpec.Profile(
                    p.requiredNumber("baseKw", 0, 1_000_000),
                    p.number("diurnalAmplitude", 0, 0, 0.9),
                    p.number("peakHour", 20, 0, 24),
                    p.number("weekendFactor", 1, 0.1, 2),
                    p.number("growthPerYear", 0, -0.9, 10),
                    p.number("noiseKw", 0, 0, 100_000),
                    spikes);
            p.rejectUnknownKeys();
        }
        m.rejectUnknownKeys();
        return spec;
    }

    private static ItLoadSpec csv(Path scenarioFile, YamlValue v) {
        String name = v.asString();
        if (name.isBlank()) {
            v.error("expected the name of a CSV file with seconds,it_kw rows");
            return null;
        }
        Path base = scenarioFile.toAbsolutePath().getParent();
        Path csv = base == null ? Path.of(name) : base.resolve(name);
        try {
            CsvItLoad probe = CsvItLoad.read(csv, 0);
            return new ItLoadSpec.Csv(csv, probe.seconds(), probe.kw());
        } catch (IOException e) {
            v.error("cannot read " + csv + ": " + e.getClass().getSimpleName());
        } catch (IllegalArgumentException e) {
            v.error(e.getMessage());
        }
        return null;
    }

    private static SpikeSpec spikes(YamlMap s) {
        YamlValue self = s.self();
        SpikeSpec out = new SpikeSpec(
                s.requiredNumber("perHour", 0, 60),
                s.requiredNumber("minKw", 0, 100_000),
                s.requiredNumber("maxKw", 0, 100_000),
                s.number("minS", 60, 1, 86400),
                s.number("maxS", 600, 1, 86400));
        if (out.maxKw() < out.minKw()) {
            self.error("maxKw must be at least minKw");
        }
        if (out.maxS() < out.minS()) {
            self.error("maxS must be at least minS");
        }
        s.rejectUnknownKeys();
        return out;
    }

    private static List<ChillerSpec> chillers(YamlValue v) {
        List<ChillerSpec> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<YamlValue> items = v.asList();
        if (items.isEmpty() && v.isNull()) {
            v.error("at least one chiller is needed");
        }
        for (YamlValue item : items) {
            YamlMap c = item.asMap();
            String id = c.requiredString("id");
            c.get("id").ifPresent(idv -> {
                if (!id.isEmpty() && !ID.matcher(id).matches()) {
                    idv.error("ids are 1-32 letters, digits, '-' or '_'");
                } else if (id.equals(MeterDevice.ID) || id.equals(GridDevice.ID)) {
                    idv.error("'" + id + "' is reserved for the simulated " + id);
                } else if (seen.containsKey(id)) {
                    idv.error("duplicate chiller id (first at line " + seen.get(id) + ")");
                } else {
                    seen.put(id, idv.line());
                }
            });
            double tons = c.requiredNumber("capacityTons", 10, 5000);
            double kwPerTon = c.number("designKwPerTon", 0.6, 0.2, 2.0);
            double lead = c.requiredNumber("trueLeadTimeS", 10, 3600);
            boolean blend = c.bool("blend", true);
            double watchdog = c.number("watchdogS", ChillerSpec.DEFAULT_WATCHDOG_S, 1, 3600);
            double cooldown = c.number("cooldownS", ChillerSpec.DEFAULT_COOLDOWN_S, 0, 3600);
            double pickup = c.number("motorPickupS", ChillerSpec.DEFAULT_MOTOR_PICKUP_S, 0.5, 600);
            c.rejectUnknownKeys();
            if (!Double.isNaN(tons) && !Double.isNaN(lead) && tons >= 10 && lead >= 10 && !id.isEmpty()) {
                out.add(new ChillerSpec(id, tons, kwPerTon, lead, blend, watchdog, cooldown, pickup));
            }
        }
        if (items.isEmpty() && !v.isNull()) {
            v.error("at least one chiller is needed");
        }
        return out;
    }

    // ---- serving ----

    private static Scenario.Serve serve(YamlMap m, List<ChillerSpec> chillers) {
        String host = m.string("host", Scenario.Serve.DEFAULT_HOST);
        long base = m.integer("basePort", Scenario.Serve.DEFAULT_BASE_PORT, 0, 65535 - 2 - chillers.size());
        Map<String, Scenario.PortUnit> overrides = new LinkedHashMap<>();
        m.get("devices").ifPresent(d -> {
            YamlMap devices = d.asMap();
            Set<String> known = new HashSet<>();
            known.add(MeterDevice.ID);
            known.add(GridDevice.ID);
            chillers.forEach(c -> known.add(c.id()));
            Map<String, String> taken = new HashMap<>();
            for (String id : devices.keys()) {
                YamlValue value = devices.get(id).orElse(null);
                if (value == null) {
                    continue;
                }
                YamlMap pu = value.asMap();
                long port = pu.requiredInteger("port", 0, 65535);
                long unit = pu.integer("unitId", 1, 0, 255);
                pu.rejectUnknownKeys();
                if (!known.contains(id)) {
                    value.error("no simulated device '" + id + "' (devices: " + String.join(", ", known) + ")");
                    continue;
                }
                String key = port + "/" + unit;
                if (port != 0 && taken.containsKey(key)) {
                    value.error("port " + port + " unit " + unit + " is already used by " + taken.get(key));
                }
                taken.put(key, id);
                overrides.put(id, new Scenario.PortUnit((int) port, (int) unit));
            }
        });
        Map<String, Scenario.BacnetServe> bacnet = m.get("bacnet").map(b -> bacnet(b.asMap(), chillers, overrides))
                .orElse(Map.of());
        m.rejectUnknownKeys();
        return new Scenario.Serve(host, (int) base, overrides, bacnet);
    }

    /** {@code bacnet: { CHILLER: { port: P, instance: N } }}: chillers served over BACnet/IP instead of Modbus. */
    private static Map<String, Scenario.BacnetServe> bacnet(YamlMap m, List<ChillerSpec> chillers,
                                                            Map<String, Scenario.PortUnit> modbusOverrides) {
        Map<String, Scenario.BacnetServe> out = new LinkedHashMap<>();
        List<String> chillerIds = chillers.stream().map(ChillerSpec::id).toList();
        Map<Long, String> ports = new HashMap<>();
        Map<Long, String> instances = new HashMap<>();
        for (String id : m.keys()) {
            YamlValue value = m.get(id).orElse(null);
            if (value == null) {
                continue;
            }
            YamlMap entry = value.asMap();
            long port = entry.requiredInteger("port", 0, 65535);
            long instance = entry.requiredInteger("instance", 0, Scenario.BacnetServe.MAX_INSTANCE);
            entry.rejectUnknownKeys();
            if (!chillerIds.contains(id)) {
                value.error("only chillers can be served over BACnet; no chiller '" + id + "' (chillers: "
                        + String.join(", ", chillerIds) + ")");
                continue;
            }
            if (modbusOverrides.containsKey(id)) {
                value.error("'" + id + "' is also listed under serve.devices (Modbus); serve it one way only");
            }
            if (port != 0 && ports.containsKey(port)) {
                value.error("UDP port " + port + " is already used by " + ports.get(port));
            }
            if (instances.containsKey(instance)) {
                value.error("device instance " + instance + " is already used by " + instances.get(instance));
            }
            ports.put(port, id);
            instances.put(instance, id);
            out.put(id, new Scenario.BacnetServe((int) port, (int) instance));
        }
        return out;
    }

    // ---- timeline ----

    private static List<TimelineEntry> timeline(YamlValue v, long durationS, List<ChillerSpec> chillers) {
        List<TimelineEntry> out = new ArrayList<>();
        Set<String> chillerIds = new HashSet<>();
        chillers.forEach(c -> chillerIds.add(c.id()));
        for (YamlValue item : v.asList()) {
            YamlMap e = item.asMap();
            double at = e.requiredNumber("at", 0, durationS);
            List<String> kinds = new ArrayList<>();
            for (String k : List.of("set", "ramp", "fault", "clear")) {
                if (e.has(k)) {
                    kinds.add(k);
                }
            }
            if (kinds.size() != 1) {
                item.error(kinds.isEmpty() ? "needs one of set, ramp, fault or clear"
                        : "only one of set, ramp, fault or clear per entry, got " + kinds);
            }
            e.get("set").ifPresent(s -> sets(s.asMap(), at, out, item.line()));
            e.get("ramp").ifPresent(r -> ramps(r.asMap(), at, out, item.line()));
            e.get("fault").ifPresent(f -> fault(f.asMap(), true, at, out, item.line(), chillerIds));
            e.get("clear").ifPresent(f -> fault(f.asMap(), false, at, out, item.line(), chillerIds));
            e.rejectUnknownKeys();
        }
        out.sort(Comparator.comparingDouble(TimelineEntry::atS));
        return out;
    }

    private static void sets(YamlMap m, double at, List<TimelineEntry> out, int line) {
        int n = 0;
        for (Target target : Target.values()) {
            Optional<YamlValue> value = m.get(target.key());
            if (value.isPresent()) {
                n++;
                double v = targetValue(target, value.get());
                if (!Double.isNaN(v)) {
                    out.add(new TimelineEntry(at, new Action.Set(target, v), line));
                }
            }
        }
        m.rejectUnknownKeys();
        if (n == 0 && m.keys().isEmpty()) {
            m.self().error("set needs at least one of " + String.join(", ", Target.keys()));
        }
    }

    private static void ramps(YamlMap m, double at, List<TimelineEntry> out, int line) {
        double over = m.requiredNumber("overS", 1, MAX_DURATION_S);
        int n = 0;
        for (Target target : Target.values()) {
            Optional<YamlValue> value = m.get(target.key());
            if (value.isEmpty()) {
                continue;
            }
            n++;
            if (!target.rampable()) {
                value.get().error(target.key() + " changes in steps and cannot be ramped; use set");
                continue;
            }
            double v = targetValue(target, value.get());
            if (!Double.isNaN(v) && !Double.isNaN(over)) {
                out.add(new TimelineEntry(at, new Action.Ramp(target, v, over), line));
            }
        }
        m.rejectUnknownKeys();
        if (n == 0 && m.keys().size() <= 1) {
            m.self().error("ramp needs at least one of " + String.join(", ", Target.keys()));
        }
    }

    private static double targetValue(Target t, YamlValue v) {
        double x = t.integral() ? v.asLong() : v.asDouble();
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < t.min() || x > t.max()) {
            v.error("must be between " + fmt(t.min()) + " and " + fmt(t.max()) + ", got " + fmt(x));
            return Double.NaN;
        }
        return x;
    }

    private static void fault(YamlMap m, boolean on, double at, List<TimelineEntry> out, int line,
                              Set<String> chillerIds) {
        Optional<YamlValue> typeValue = m.required("type");
        FaultType type = typeValue.flatMap(tv -> {
            String key = tv.asString();
            Optional<FaultType> t = FaultType.byKey(key);
            if (t.isEmpty() && !key.isEmpty()) {
                tv.error("unknown fault; known: " + String.join(", ", FaultType.keys()));
            }
            return t;
        }).orElse(null);
        Optional<YamlValue> chiller = m.get("chiller");
        Optional<YamlValue> device = m.get("device");
        Optional<YamlValue> sigma = m.get("sigmaKw");
        m.rejectUnknownKeys();
        if (type == null) {
            return;
        }
        if (!on && !type.clearable()) {
            typeValue.get().error(type.key() + " is momentary and cannot be cleared");
            return;
        }
        String subject = "";
        boolean ok = true;
        switch (type.scope()) {
            case CHILLER, CHILLER_OR_ALL -> {
                ok &= forbid(device, "device", type);
                if (chiller.isPresent()) {
                    subject = chiller.get().asString();
                    if (!subject.isEmpty() && !chillerIds.contains(subject)) {
                        chiller.get().error("no chiller '" + subject + "' in site.chillers");
                        ok = false;
                    }
                } else if (type.scope() == FaultType.Scope.CHILLER) {
                    m.missing("chiller");
                    ok = false;
                }
            }
            case METER -> {
                ok &= forbid(chiller, "chiller", type);
                ok &= forbid(device, "device", type);
            }
            case DEVICE -> {
                ok &= forbid(chiller, "chiller", type);
                if (device.isPresent()) {
                    subject = device.get().asString();
                    if (!subject.equals(MeterDevice.ID) && !subject.equals(GridDevice.ID)
                            && !chillerIds.contains(subject)) {
                        device.get().error("no simulated device '" + subject + "' (meter, grid or a chiller id)");
                        ok = false;
                    }
                } else {
                    m.missing("device");
                    ok = false;
                }
            }
        }
        double sigmaKw = 0;
        if (type == FaultType.METER_NOISE && on) {
            if (sigma.isEmpty()) {
                m.missing("sigmaKw");
                ok = false;
            } else {
                sigmaKw = sigma.get().asDouble();
                if (!(sigmaKw > 0 && sigmaKw <= 10_000)) {
                    sigma.get().error("must be between 0 (exclusive) and 10000");
                    ok = false;
                }
            }
        } else if (sigma.isPresent()) {
            sigma.get().error("sigmaKw only applies when raising meter-noise");
            ok = false;
        }
        if (ok) {
            out.add(new TimelineEntry(at, new Action.Fault(type, subject, on, sigmaKw), line));
        }
    }

    private static boolean forbid(Optional<YamlValue> v, String key, FaultType type) {
        v.ifPresent(x -> x.error(key + " does not apply to " + type.key()));
        return v.isEmpty();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
