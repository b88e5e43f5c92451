package io.plantd.controller.config;

import io.plantd.drivers.point.PointId;
import io.plantd.drivers.yaml.YamlMap;
import io.plantd.drivers.yaml.YamlValue;
import java.util.Optional;

/** Reads {@code meters:}: points written {@code DEVICE/POINT}. */
final class MeterSection {
    /** A meter reference with its node, checked against devices and profiles later. */
    record Ref(PointId point, YamlValue node) {
    }

    /** What was read; {@code site} is empty only when it was missing or malformed (already reported). */
    record Result(Optional<Ref> site, Optional<Ref> it, double otherLoadKw) {
    }

    private MeterSection() {
    }

    static Result read(YamlMap m) {
        Optional<Ref> site = m.required("site").flatMap(MeterSection::ref);
        Optional<Ref> it = m.get("it").flatMap(MeterSection::ref);
        double other = m.number("otherLoadKw", 0, 0, 1_000_000);
        m.rejectUnknownKeys();
        return new Result(site, it, other);
    }

    private static Optional<Ref> ref(YamlValue v) {
        String text = v.asString();
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1 || text.indexOf('/', slash + 1) >= 0) {
            if (!text.isEmpty()) {
                v.error("expected DEVICE/POINT, for example site-meter/total_active_power, got '" + text + "'");
            }
            return Optional.empty();
        }
        return Optional.of(new Ref(PointId.of(text.substring(0, slash), text.substring(slash + 1)), v));
    }
}
