package io.plantd.controller.config;

import static io.plantd.controller.config.Fields.format;

import io.plantd.drivers.yaml.YamlMap;
import io.plantd.drivers.yaml.YamlValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads {@code control:}: cycle timing, override limits, economic mode and grid-event response. */
final class ControlSection {
    private static final long DAY_S = 86_400;

    private ControlSection() {
    }

    static ControlSettings defaults(Site site) {
        return read(null, site);
    }

    /** {@code m} may be null: every field takes its default. */
    static ControlSettings read(YamlMap m, Site site) {
        if (m == null) {
            return new ControlSettings(ConfigDefaults.PERIOD_MS, ConfigDefaults.RELEASE_DELAY_S,
                    ConfigDefaults.REASSERT_S, ConfigDefaults.METER_MAX_AGE_MS, ConfigDefaults.PREDICTION_WINDOW_S,
                    ConfigDefaults.OVERRIDE_DEFAULT_S, ConfigDefaults.OVERRIDE_MAX_S,
                    new EconomicSettings(true, ConfigDefaults.ECONOMIC_DEADBAND_PER_HOUR, 0),
                    gridEvents(null, site), ConfigDefaults.SPIKE_SPAN_S, ConfigDefaults.SPIKE_MEMORY_S);
        }
        long period = m.integer("periodMs", ConfigDefaults.PERIOD_MS, 100, 10_000);
        long releaseDelay = m.integer("releaseDelayS", ConfigDefaults.RELEASE_DELAY_S, 0, DAY_S);
        long reassert = m.integer("reassertS", ConfigDefaults.REASSERT_S, 1, 3_600);
        long meterMaxAge = m.integer("meterMaxAgeMs", ConfigDefaults.METER_MAX_AGE_MS, 100, 600_000);
        long window = m.integer("predictionWindowS", ConfigDefaults.PREDICTION_WINDOW_S, 60, 7_200);
        long spikeSpan = m.integer("spikeSpanS", ConfigDefaults.SPIKE_SPAN_S, 1, 600);
        long spikeMemory = m.integer("spikeMemoryS", ConfigDefaults.SPIKE_MEMORY_S, 0, 172_800);
        long overrideMax = m.integer("overrideMaxS", ConfigDefaults.OVERRIDE_MAX_S, 60, DAY_S);
        Optional<YamlValue> defaultNode = m.get("overrideDefaultS");
        long overrideDefault = defaultNode.map(YamlValue::asLong).orElse(Math.min(ConfigDefaults.OVERRIDE_DEFAULT_S, overrideMax));
        defaultNode.ifPresent(v -> {
            if (overrideDefault < 60 || overrideDefault > overrideMax) {
                v.error("must be between 60 and overrideMaxS (" + overrideMax + "), got " + overrideDefault);
            }
        });
        EconomicSettings economic = m.get("economic").map(v -> economic(v.asMap()))
                .orElse(new EconomicSettings(true, ConfigDefaults.ECONOMIC_DEADBAND_PER_HOUR, 0));
        GridEventSettings grid = gridEvents(m.get("gridEvents").map(YamlValue::asMap).orElse(null), site);
        m.rejectUnknownKeys();
        return new ControlSettings(period, releaseDelay, reassert, meterMaxAge, window, overrideDefault, overrideMax,
                economic, grid, spikeSpan, spikeMemory);
    }

    private static EconomicSettings economic(YamlMap m) {
        EconomicSettings e = new EconomicSettings(
                m.bool("enabled", true),
                m.number("deadbandPerHour", ConfigDefaults.ECONOMIC_DEADBAND_PER_HOUR, 0, 1_000_000),
                m.number("heatRecoveryCreditPerHour", 0, 0, 1_000_000));
        m.rejectUnknownKeys();
        return e;
    }

    private static GridEventSettings gridEvents(YamlMap m, Site site) {
        double nominalDefault = ConfigDefaults.NOMINAL_FREQUENCY_HZ;
        if (m == null) {
            return new GridEventSettings(Map.of(1, 0.0, 2, 0.0, 3, 0.0), ConfigDefaults.PRESTART_LEVEL, nominalDefault,
                    nominalDefault - ConfigDefaults.LOW_FREQUENCY_BELOW_NOMINAL_HZ, 0);
        }
        // an invalid cap or margin is already reported; do not cascade it into every reduction
        double usable = site.serviceCapacityKw() - site.marginKw();
        if (!(site.serviceCapacityKw() > 0) || !(usable > 0)) {
            usable = Double.NaN;
        }
        double limit = usable;
        Map<Integer, Double> reductions = new HashMap<>(Map.of(1, 0.0, 2, 0.0, 3, 0.0));
        m.get("capReductionKw").ifPresent(v -> {
            YamlMap levels = v.asMap();
            for (int level = 1; level <= 3; level++) {
                int l = level;
                levels.get("level" + level).ifPresent(n -> reductions.put(l, reduction(n, limit)));
            }
            levels.rejectUnknownKeys();
        });
        int prestart = (int) m.integer("prestartLevel", ConfigDefaults.PRESTART_LEVEL, 1, 3);
        Optional<YamlValue> nominalNode = m.get("nominalFrequencyHz");
        double nominal = nominalNode.map(YamlValue::asDouble).orElse(nominalDefault);
        nominalNode.ifPresent(v -> {
            if (nominal != 50.0 && nominal != 60.0) {
                v.error("must be 50 or 60, got " + format(nominal));
            }
        });
        Optional<YamlValue> lowNode = m.get("lowFrequencyHz");
        double low = lowNode.map(YamlValue::asDouble).orElse(nominal - ConfigDefaults.LOW_FREQUENCY_BELOW_NOMINAL_HZ);
        lowNode.ifPresent(v -> {
            if (low >= nominal || low < nominal - 3) {
                v.error("must be below nominalFrequencyHz (" + format(nominal) + ") by at most 3 Hz, got " + format(low));
            }
        });
        double lowReduction = m.get("lowFrequencyCapReductionKw").map(v -> reduction(v, limit)).orElse(0.0);
        m.rejectUnknownKeys();
        return new GridEventSettings(reductions, prestart, nominal, low, lowReduction);
    }

    private static double reduction(YamlValue v, double usable) {
        double kw = v.asDouble();
        if (kw < 0) {
            v.error("must be at least 0, got " + format(kw));
        } else if (kw >= usable) {
            v.error("must be below serviceCapacityKw - marginKw (" + format(usable) + "), got " + format(kw));
        }
        return kw;
    }
}
