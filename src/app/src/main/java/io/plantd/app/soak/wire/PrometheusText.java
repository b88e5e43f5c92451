package io.plantd.app.soak.wire;

import java.util.ArrayList;
import java.util.List;

/** The few sums the soak reads from a scrape: samples by metric name, optionally one label value. */
record PrometheusText(List<Sample> samples) {
    record Sample(String name, String labels, double value) {
    }

    static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int close = line.lastIndexOf('}');
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String name = brace >= 0 ? line.substring(0, brace) : line.substring(0, space);
            String labels = brace >= 0 && close > brace ? line.substring(brace + 1, close) : "";
            try {
                samples.add(new Sample(name.trim(), labels, Double.parseDouble(line.substring(space + 1).trim())));
            } catch (NumberFormatException e) {
                // a value Prometheus writes as text (NaN, +Inf) parses; anything else is not a sample
            }
        }
        return new PrometheusText(List.copyOf(samples));
    }

    /** Sum over every series of {@code name} whose labels contain {@code labelFilter} (e.g. {@code area="heap"}). */
    double sum(String name, String labelFilter) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().contains(labelFilter))
                .mapToDouble(Sample::value).sum();
    }

    double sum(String name) {
        return sum(name, "");
    }
}
