package io.plantd.controller.config;

import static io.plantd.controller.config.Fields.format;

import io.plantd.drivers.yaml.YamlMap;
import io.plantd.drivers.yaml.YamlValue;
import java.util.Optional;
import java.util.OptionalDouble;

/** Reads {@code site:}: the electrical frame (cap, margins, demand interval) and the tariff. */
final class SiteSection {
    private static final double MAX_KW = 1_000_000;

    private SiteSection() {
    }

    static Site read(YamlMap m) {
        String id = Fields.id(m, "id").map(YamlValue::asString).orElse("");
        double cap = Fields.requiredPositive(m, "serviceCapacityKw", MAX_KW);
        double capForChecks = Double.isNaN(cap) || cap <= 0 ? Double.NaN : cap;

        Optional<YamlValue> marginNode = m.get("marginKw");
        double margin = marginNode.map(YamlValue::asDouble)
                .orElse(Double.isNaN(capForChecks) ? 0 : capForChecks * ConfigDefaults.MARGIN_FRACTION);
        marginNode.ifPresent(v -> {
            if (margin < 0) {
                v.error("must be at least 0, got " + format(margin));
            } else if (margin >= capForChecks) {
                v.error("must be below serviceCapacityKw (" + format(capForChecks) + "), got " + format(margin));
            }
        });

        Optional<YamlValue> releaseNode = m.get("releaseMarginKw");
        double release = releaseNode.map(YamlValue::asDouble)
                .orElse(margin + (Double.isNaN(capForChecks) ? 0 : capForChecks * ConfigDefaults.RELEASE_EXTRA_FRACTION));
        releaseNode.ifPresent(v -> {
            if (release <= margin) {
                v.error("must be greater than marginKw (" + format(margin) + ") so that a chiller returned to "
                        + "motor does not push the site straight back over the cap, got " + format(release));
            } else if (release >= capForChecks) {
                v.error("must be below serviceCapacityKw (" + format(capForChecks) + "), got " + format(release));
            }
        });

        OptionalDouble demandTarget = OptionalDouble.empty();
        Optional<YamlValue> targetNode = m.get("demandTargetKw");
        if (targetNode.isPresent()) {
            double t = targetNode.get().asDouble();
            if (t <= margin) {
                targetNode.get().error("must be greater than marginKw (" + format(margin) + "), got " + format(t));
            } else if (t > capForChecks) {
                targetNode.get().error("must not exceed serviceCapacityKw (" + format(capForChecks) + "), got "
                        + format(t));
            }
            demandTarget = OptionalDouble.of(t);
        }
        long demandInterval = m.integer("demandIntervalS", ConfigDefaults.DEMAND_INTERVAL_S, 60, 3_600);
        String currency = m.get("currency").map(v -> {
            String c = v.asString();
            if (!c.isEmpty() && !c.matches("[A-Z]{3}")) {
                v.error("expected a 3-letter ISO 4217 code such as USD or EUR, got '" + c + "'");
            }
            return c;
        }).orElse(ConfigDefaults.CURRENCY);
        Tariff tariff = m.get("tariff").map(v -> readTariff(v.asMap())).orElse(defaultTariff());
        m.rejectUnknownKeys();
        return new Site(id, cap, margin, release, demandTarget, demandInterval, currency, tariff);
    }

    private static Tariff readTariff(YamlMap m) {
        Tariff t = new Tariff(
                m.number("electricityPerKwh", ConfigDefaults.ELECTRICITY_PER_KWH, -10, 100),
                m.number("gasPerTherm", ConfigDefaults.GAS_PER_THERM, 0, 1_000),
                m.number("gridCo2KgPerKwh", ConfigDefaults.GRID_CO2_KG_PER_KWH, 0, 10),
                m.number("gasCo2KgPerTherm", ConfigDefaults.GAS_CO2_KG_PER_THERM, 0, 100));
        m.rejectUnknownKeys();
        return t;
    }

    static Tariff defaultTariff() {
        return new Tariff(ConfigDefaults.ELECTRICITY_PER_KWH, ConfigDefaults.GAS_PER_THERM,
                ConfigDefaults.GRID_CO2_KG_PER_KWH, ConfigDefaults.GAS_CO2_KG_PER_THERM);
    }
}
