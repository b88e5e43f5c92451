package io.plantd.controller.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A strict parser for the Prometheus text exposition format 0.0.4 (what Prometheus and
 * {@code promtool check metrics} read), plus the promtool lint rules plantd must pass. Any
 * deviation throws {@link IllegalArgumentException} naming the line. In main, not test, code:
 * the metrics tests, the app's end-to-end scrape and the network soak's scrapes of a running
 * daemon all read the exposition with it.
 */
public final class PromText {
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");
    /** promtool's abbreviated-unit tokens. */
    private static final Set<String> UNIT_ABBREVIATIONS =
            Set.of("s", "ms", "us", "ns", "sec", "b", "kb", "mb", "gb", "tb", "pb", "m", "h", "d");

    public record Sample(String name, Map<String, String> labels, double value) {
        public String label(String key) {
            return labels.get(key);
        }
    }

    public static final class Family {
        public final String name;
        public String type = "untyped";
        boolean typed;
        String help;
        public final List<Sample> samples = new ArrayList<>();

        Family(String name) {
            this.name = name;
        }
    }

    private final Map<String, Family> families = new LinkedHashMap<>();

    public Map<String, Family> families() {
        return Collections.unmodifiableMap(families);
    }

    /** @throws NoSuchElementException when the scrape has no such family */
    public Family family(String name) {
        Family f = families.get(name);
        if (f == null) {
            throw new NoSuchElementException("metric family " + name + " not in scrape");
        }
        return f;
    }

    /** Every sample name that appears (histogram _bucket/_sum/_count included). */
    public Set<String> sampleNames() {
        return families.values().stream().flatMap(f -> f.samples.stream()).map(Sample::name)
                .collect(Collectors.toCollection(HashSet::new));
    }

    public List<Sample> samples(String sampleName) {
        return families.values().stream().flatMap(f -> f.samples.stream())
                .filter(s -> s.name().equals(sampleName)).collect(Collectors.toList());
    }

    /**
     * The one sample with this name and exactly these labels (pairs: key, value, ...).
     * @throws NoSuchElementException when there is not exactly one
     */
    public double value(String sampleName, String... labelPairs) {
        Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            wanted.put(labelPairs[i], labelPairs[i + 1]);
        }
        List<Sample> found = samples(sampleName).stream().filter(s -> s.labels().equals(wanted))
                .collect(Collectors.toList());
        if (found.size() != 1) {
            throw new NoSuchElementException("expected one " + sampleName + wanted + ", found " + found.size()
                    + " among " + samples(sampleName));
        }
        return found.get(0).value();
    }

    /** The sum over every sample with this name whose labels include these (pairs: key, value, ...). */
    public double sum(String sampleName, String... labelPairs) {
        return samples(sampleName).stream().filter(s -> hasLabels(s, labelPairs)).mapToDouble(Sample::value).sum();
    }

    private static boolean hasLabels(Sample s, String... labelPairs) {
        for (int i = 0; i < labelPairs.length; i += 2) {
            if (!labelPairs[i + 1].equals(s.label(labelPairs[i]))) {
                return false;
            }
        }
        return true;
    }

    public static PromText parse(String text) {
        PromText result = new PromText();
        result.read(text);
        result.checkHistograms();
        result.lint();
        return result;
    }

    private void read(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("exposition must end with a newline");
        }
        Set<String> seriesSeen = new HashSet<>();
        Set<String> closedFamilies = new HashSet<>();
        String current = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            String where = "line " + (i + 1) + ": " + line;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                String[] parts = line.split(" ", 4);
                if (parts.length >= 3 && (parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
                    String name = parts[2];
                    requireName(name, where);
                    if (closedFamilies.contains(name)) {
                        throw new IllegalArgumentException("metadata for a family already finished: " + where);
                    }
                    Family f = families.computeIfAbsent(name, Family::new);
                    if (!f.samples.isEmpty()) {
                        throw new IllegalArgumentException("metadata after samples: " + where);
                    }
                    if (parts[1].equals("TYPE")) {
                        if (parts.length != 4 || !TYPES.contains(parts[3])) {
                            throw new IllegalArgumentException("bad TYPE: " + where);
                        }
                        if (f.typed) {
                            throw new IllegalArgumentException("second TYPE: " + where);
                        }
                        f.typed = true;
                        f.type = parts[3];
                    } else {
                        if (f.help != null) {
                            throw new IllegalArgumentException("second HELP: " + where);
                        }
                        f.help = parts.length == 4 ? unescapeHelp(parts[3], where) : "";
                    }
                    if (current != null && !current.equals(name)) {
                        closedFamilies.add(current);
                    }
                    current = name;
                }
                continue;
            }
            Sample sample = parseSample(line, where);
            String familyName = familyOf(sample.name());
            if (current != null && !current.equals(familyName)) {
                closedFamilies.add(current);
            }
            if (closedFamilies.contains(familyName)) {
                throw new IllegalArgumentException("samples of " + familyName + " not contiguous: " + where);
            }
            current = familyName;
            Family f = families.computeIfAbsent(familyName, Family::new);
            checkSampleFitsType(f, sample, where);
            if (!seriesSeen.add(sample.name() + new TreeMap<>(sample.labels()))) {
                throw new IllegalArgumentException("duplicate series: " + where);
            }
            f.samples.add(sample);
        }
    }

    /** The family a sample belongs to: its own name, or a histogram/summary base name. */
    private String familyOf(String sampleName) {
        for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
            if (sampleName.endsWith(suffix)) {
                String base = sampleName.substring(0, sampleName.length() - suffix.length());
                Family f = families.get(base);
                if (f != null && (f.type.equals("histogram") || f.type.equals("summary"))) {
                    return base;
                }
            }
        }
        return sampleName;
    }

    private static void checkSampleFitsType(Family f, Sample s, String where) {
        boolean isBucket = s.name().equals(f.name + "_bucket");
        if (f.type.equals("histogram") && isBucket != s.labels().containsKey("le")) {
            throw new IllegalArgumentException("histogram bucket/le mismatch: " + where);
        }
        if (f.type.equals("histogram") && s.name().equals(f.name)) {
            throw new IllegalArgumentException("histogram sample without suffix: " + where);
        }
        if (!f.type.equals("histogram") && s.labels().containsKey("le")) {
            throw new IllegalArgumentException("le label outside a histogram: " + where);
        }
        if (f.type.equals("counter") && (Double.isNaN(s.value()) || s.value() < 0)) {
            throw new IllegalArgumentException("counter must be a non-negative number: " + where);
        }
    }

    private static Sample parseSample(String line, String where) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        requireName(name, where);
        Map<String, String> labels = new TreeMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (true) {
                if (i >= line.length()) {
                    throw new IllegalArgumentException("unterminated label set: " + where);
                }
                if (line.charAt(i) == '}') {
                    i++;
                    break;
                }
                int eq = line.indexOf('=', i);
                if (eq < 0) {
                    throw new IllegalArgumentException("label without '=': " + where);
                }
                String key = line.substring(i, eq);
                if (!LABEL_NAME.matcher(key).matches() || key.startsWith("__")) {
                    throw new IllegalArgumentException("bad label name '" + key + "': " + where);
                }
                if (eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
                    throw new IllegalArgumentException("label value not quoted: " + where);
                }
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                for (; ; j++) {
                    if (j >= line.length()) {
                        throw new IllegalArgumentException("unterminated label value: " + where);
                    }
                    char c = line.charAt(j);
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\') {
                        char next = j + 1 < line.length() ? line.charAt(++j) : 0;
                        switch (next) {
                            case '\\' -> value.append('\\');
                            case '"' -> value.append('"');
                            case 'n' -> value.append('\n');
                            default -> throw new IllegalArgumentException("bad escape in label value: " + where);
                        }
                    } else {
                        value.append(c);
                    }
                }
                if (labels.put(key, value.toString()) != null) {
                    throw new IllegalArgumentException("duplicate label " + key + ": " + where);
                }
                i = j + 1;
                if (i < line.length() && line.charAt(i) == ',') {
                    i++;
                } else if (i >= line.length() || line.charAt(i) != '}') {
                    throw new IllegalArgumentException("expected ',' or '}': " + where);
                }
            }
        }
        if (i >= line.length() || line.charAt(i) != ' ') {
            throw new IllegalArgumentException("expected a space before the value: " + where);
        }
        String[] rest = line.substring(i + 1).split(" ", -1);
        if (rest.length > 2 || rest[0].isEmpty()) {
            throw new IllegalArgumentException("expected 'value [timestamp]': " + where);
        }
        double value = parseValue(rest[0], where);
        if (rest.length == 2) {
            try {
                Long.parseLong(rest[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad timestamp: " + where, e);
            }
        }
        return new Sample(name, labels, value);
    }

    static double parseValue(String text, String where) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
            case "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                if (!text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                    throw new IllegalArgumentException("bad value '" + text + "': " + where);
                }
                return Double.parseDouble(text);
        }
    }

    private static String unescapeHelp(String text, String where) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                char next = i + 1 < text.length() ? text.charAt(++i) : 0;
                if (next == '\\') {
                    out.append('\\');
                } else if (next == 'n') {
                    out.append('\n');
                } else {
                    throw new IllegalArgumentException("bad escape in HELP: " + where);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void requireName(String name, String where) {
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad metric name '" + name + "': " + where);
        }
    }

    /** Buckets ascend in le, are cumulative, end at +Inf which equals _count; _sum is present. */
    private void checkHistograms() {
        for (Family f : families.values()) {
            if (!f.type.equals("histogram")) {
                continue;
            }
            Map<Map<String, String>, List<Sample>> bySeries = new LinkedHashMap<>();
            for (Sample s : f.samples) {
                if (s.name().endsWith("_bucket")) {
                    Map<String, String> key = new TreeMap<>(s.labels());
                    key.remove("le");
                    bySeries.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
                }
            }
            for (var e : bySeries.entrySet()) {
                double prevLe = Double.NEGATIVE_INFINITY;
                double prevCount = 0;
                for (Sample b : e.getValue()) {
                    double le = parseValue(b.label("le"), f.name);
                    if (le <= prevLe || b.value() < prevCount) {
                        throw new IllegalArgumentException("histogram " + f.name + e.getKey()
                                + " buckets not ascending and cumulative at le=" + b.label("le"));
                    }
                    prevLe = le;
                    prevCount = b.value();
                }
                if (prevLe != Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("histogram " + f.name + e.getKey() + " lacks le=+Inf");
                }
                double count = valueOrThrow(f, f.name + "_count", e.getKey());
                valueOrThrow(f, f.name + "_sum", e.getKey());
                if (count != prevCount) {
                    throw new IllegalArgumentException("histogram " + f.name + e.getKey() + " _count " + count
                            + " differs from the +Inf bucket " + prevCount);
                }
            }
        }
    }

    private static double valueOrThrow(Family f, String name, Map<String, String> labels) {
        return f.samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("histogram lacks " + name + labels)).value();
    }

    /** promtool check metrics: HELP present, counters end in _total, reserved suffixes, no abbreviated units, snake_case. */
    private void lint() {
        List<String> problems = new ArrayList<>();
        for (Family f : families.values()) {
            if (f.help == null || f.help.isBlank()) {
                problems.add(f.name + ": no help text");
            }
            if (f.type.equals("counter") && !f.name.endsWith("_total")) {
                problems.add(f.name + ": counter metrics should have \"_total\" suffix");
            }
            if (!f.type.equals("counter") && f.name.endsWith("_total")) {
                problems.add(f.name + ": non-counter metrics should not have \"_total\" suffix");
            }
            boolean distribution = f.type.equals("histogram") || f.type.equals("summary");
            if (!distribution && (f.name.endsWith("_count") || f.name.endsWith("_sum") || f.name.endsWith("_bucket"))) {
                problems.add(f.name + ": non-histogram and non-summary metrics should not have \"_count\", \"_sum\" or \"_bucket\" suffix");
            }
            if (!f.name.equals(f.name.toLowerCase(java.util.Locale.ROOT))) {
                problems.add(f.name + ": metric names should be written in 'snake_case' not 'camelCase'");
            }
            for (String token : f.name.split("_")) {
                if (UNIT_ABBREVIATIONS.contains(token)) {
                    problems.add(f.name + ": metric names should not contain abbreviated units");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("lint: " + String.join("; ", problems));
        }
    }
}
