package io.plantd.drivers.yaml;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A YAML mapping read strictly: duplicate keys are errors, and {@link #rejectUnknownKeys()}
 * reports every key that no reader asked for. Accessors named {@code required...} report a
 * missing key at the mapping's position.
 */
public final class YamlMap {
    private final YamlValue self;
    private final Map<String, YamlValue> entries = new LinkedHashMap<>();
    private final Map<String, YamlValue> keyNodes = new LinkedHashMap<>();
    private final Set<String> used = new LinkedHashSet<>();

    YamlMap(YamlValue self, MappingNode node) {
        this.self = self;
        for (NodeTuple t : node.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null) {
                self.errors().add(YamlValue.errorAt(self.file(), t.getKeyNode().getStartMark(), self.path(),
                        "keys must be plain strings"));
                continue;
            }
            String childPath = self.path().isEmpty() ? key : self.path() + "." + key;
            YamlValue keyNode = new YamlValue(self.file(), childPath, t.getKeyNode(), self.errors());
            if (entries.containsKey(key)) {
                keyNode.error("duplicate key (first at line " + keyNodes.get(key).line() + ")");
                continue;
            }
            entries.put(key, new YamlValue(self.file(), childPath, t.getValueNode(), self.errors()));
            keyNodes.put(key, keyNode);
        }
    }

    private YamlMap(YamlValue self) {
        this.self = self;
    }

    static YamlMap empty(YamlValue self) {
        return new YamlMap(self);
    }

    public YamlValue self() {
        return self;
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    /** The value, if present and not null; marks the key as known. */
    public Optional<YamlValue> get(String key) {
        used.add(key);
        YamlValue v = entries.get(key);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    public Optional<YamlValue> required(String key) {
        Optional<YamlValue> v = get(key);
        if (v.isEmpty()) {
            missing(key);
        }
        return v;
    }

    public void missing(String key) {
        String p = self.path().isEmpty() ? key : self.path() + "." + key;
        self.errors().add(new ConfigError(self.file(), self.line(), self.column(), p, "required field is missing"));
    }

    public String requiredString(String key) {
        return required(key).map(YamlValue::asString).orElse("");
    }

    public String string(String key, String fallback) {
        return get(key).map(YamlValue::asString).orElse(fallback);
    }

    public boolean bool(String key, boolean fallback) {
        return get(key).map(YamlValue::asBoolean).orElse(fallback);
    }

    /** A number in [min, max]; a value outside is an error naming the range. */
    public double number(String key, double fallback, double min, double max) {
        return get(key).map(v -> checkRange(v, v.asDouble(), min, max)).orElse(fallback);
    }

    public double requiredNumber(String key, double min, double max) {
        return required(key).map(v -> checkRange(v, v.asDouble(), min, max)).orElse(Double.NaN);
    }

    public long integer(String key, long fallback, long min, long max) {
        return get(key).map(v -> (long) checkRange(v, v.asLong(), min, max)).orElse(fallback);
    }

    public long requiredInteger(String key, long min, long max) {
        return required(key).map(v -> (long) checkRange(v, v.asLong(), min, max)).orElse(0L);
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
        return get(key).flatMap(v -> v.asEnum(type)).orElse(fallback);
    }

    public <T> Optional<T> map(String key, Function<YamlMap, T> reader) {
        return get(key).map(v -> reader.apply(v.asMap()));
    }

    private static double checkRange(YamlValue v, double value, double min, double max) {
        if (!Double.isNaN(value) && (value < min || value > max)) {
            v.error("must be " + range(min, max) + ", got " + format(value));
        }
        return value;
    }

    private static String range(double min, double max) {
        if (max == Double.MAX_VALUE || max == Long.MAX_VALUE) {
            return "at least " + format(min);
        }
        return "between " + format(min) + " and " + format(max);
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** Reports each key that was never asked for. Call after reading every known key. */
    public void rejectUnknownKeys() {
        for (Map.Entry<String, YamlValue> e : keyNodes.entrySet()) {
            if (!used.contains(e.getKey())) {
                e.getValue().error("unknown key" + suggestion(e.getKey()));
            }
        }
    }

    private String suggestion(String key) {
        Set<String> known = new LinkedHashSet<>(used);
        known.removeAll(entries.keySet());
        for (String k : known) {
            if (k.equalsIgnoreCase(key) || editDistance(k, key) <= 2) {
                return " (did you mean '" + k + "'?)";
            }
        }
        return known.isEmpty() ? "" : " (known keys here: " + String.join(", ", used) + ")";
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
