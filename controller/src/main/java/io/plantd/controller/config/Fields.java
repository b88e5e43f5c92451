package io.plantd.controller.config;

import io.plantd.drivers.yaml.YamlMap;
import io.plantd.drivers.yaml.YamlValue;
import java.util.Optional;
import java.util.regex.Pattern;

/** Field readers the plain {@link YamlMap} accessors do not cover: exclusive bounds and ids. */
final class Fields {
    /** Ids appear in MQTT topics and metric labels, so no '/', '+', '#' or spaces. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private Fields() {
    }

    /** A number strictly above 0 and at most {@code max}. */
    static double positive(YamlMap m, String key, double fallback, double max) {
        return m.get(key).map(v -> checkPositive(v, max)).orElse(fallback);
    }

    static double requiredPositive(YamlMap m, String key, double max) {
        return m.required(key).map(v -> checkPositive(v, max)).orElse(Double.NaN);
    }

    private static double checkPositive(YamlValue v, double max) {
        double d = v.asDouble();
        if (d <= 0) {
            v.error("must be greater than 0, got " + format(d));
        } else if (d > max) {
            v.error("must be at most " + format(max) + ", got " + format(d));
        }
        return d;
    }

    /** A required id: letters, digits, '_', '.', '-'. */
    static Optional<YamlValue> id(YamlMap m, String key) {
        Optional<YamlValue> node = m.required(key);
        node.ifPresent(Fields::checkId);
        return node;
    }

    static String checkId(YamlValue v) {
        String s = v.asString();
        if (!s.isEmpty() && !ID.matcher(s).matches()) {
            v.error("ids use letters, digits, '_', '.' and '-' (at most 64, no '/', '+', '#' or spaces), got '"
                    + s + "'");
        }
        return s;
    }

    /** A required non-blank string without whitespace, such as a host name. */
    static String token(YamlMap m, String key) {
        return m.required(key).map(v -> {
            String s = v.asString();
            if (!s.isEmpty() && (s.isBlank() || s.chars().anyMatch(Character::isWhitespace))) {
                v.error("must not contain spaces, got '" + s + "'");
            }
            return s;
        }).orElse("");
    }

    static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
