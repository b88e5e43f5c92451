package io.plantd.controller.config;

import io.plantd.drivers.yaml.YamlMap;
import io.plantd.drivers.yaml.YamlValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code chillers:}: which device each chiller is, its size and its engine limits. */
final class ChillerSection {
    /** A chiller as read, with the nodes that reference checks report at. */
    record Entry(ChillerConfig config, YamlValue idNode, Optional<YamlValue> deviceNode, Optional<YamlValue> blendNode) {
    }

    private ChillerSection() {
    }

    /** Chillers by id; a duplicate id is reported and the first one kept. */
    static Map<String, Entry> read(YamlValue list) {
        Map<String, Entry> chillers = new LinkedHashMap<>();
        List<YamlValue> items = list.asList();
        if (items.isEmpty() && !list.isNull()) {
            list.error("a site needs at least one chiller");
        }
        for (YamlValue item : items) {
            readOne(item.asMap()).ifPresent(e -> {
                Entry first = chillers.putIfAbsent(e.config().id(), e);
                if (first != null) {
                    e.idNode().error("duplicate chiller id '" + e.config().id() + "' (first at line "
                            + first.idNode().line() + ")");
                }
            });
        }
        return chillers;
    }

    private static Optional<Entry> readOne(YamlMap m) {
        Optional<YamlValue> idNode = Fields.id(m, "id");
        Optional<YamlValue> deviceNode = m.required("device");
        String device = deviceNode.map(YamlValue::asString).orElse("");
        double tons = Fields.requiredPositive(m, "capacityTons", 10_000);
        double kwPerTon = m.number("motorKwPerTon", ConfigDefaults.MOTOR_KW_PER_TON, 0.1, 2.0);
        Optional<YamlValue> blendNode = m.get("blend");
        boolean blend = m.bool("blend", false);
        EngineLimits engine = m.get("engine").map(v -> engine(v.asMap())).orElse(defaultEngine());
        m.rejectUnknownKeys();
        String id = idNode.map(YamlValue::asString).orElse("");
        if (idNode.isEmpty() || id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Entry(new ChillerConfig(id, device, tons, kwPerTon, blend, engine), idNode.get(),
                deviceNode, blendNode.filter(v -> blend)));
    }

    static EngineLimits defaultEngine() {
        return new EngineLimits(ConfigDefaults.LEAD_TIME_S, ConfigDefaults.MIN_RUN_S, ConfigDefaults.MIN_OFF_S,
                ConfigDefaults.MAX_STARTS_PER_HOUR, ConfigDefaults.YEARLY_HOUR_BUDGET, ConfigDefaults.LOCKOUT_S,
                ConfigDefaults.GAS_THERMS_PER_TON_HOUR, ConfigDefaults.MAINTENANCE_PER_TON_HOUR);
    }

    private static EngineLimits engine(YamlMap m) {
        EngineLimits e = new EngineLimits(
                m.integer("leadTimeS", ConfigDefaults.LEAD_TIME_S, 30, 3_600),
                m.integer("minRunS", ConfigDefaults.MIN_RUN_S, 0, 86_400),
                m.integer("minOffS", ConfigDefaults.MIN_OFF_S, 0, 86_400),
                (int) m.integer("maxStartsPerHour", ConfigDefaults.MAX_STARTS_PER_HOUR, 1, 60),
                m.number("yearlyHourBudget", ConfigDefaults.YEARLY_HOUR_BUDGET, 0, 8_784),
                m.integer("lockoutS", ConfigDefaults.LOCKOUT_S, 60, 86_400),
                Fields.positive(m, "gasThermsPerTonHour", ConfigDefaults.GAS_THERMS_PER_TON_HOUR, 1.0),
                m.number("maintenancePerTonHour", ConfigDefaults.MAINTENANCE_PER_TON_HOUR, 0, 10));
        m.rejectUnknownKeys();
        return e;
    }
}
