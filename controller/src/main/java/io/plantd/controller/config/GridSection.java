package io.plantd.controller.config;

import io.plantd.drivers.yaml.YamlMap;
import io.plantd.drivers.yaml.YamlValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads {@code grid:}: where the grid signal comes from. Keys of other sources are errors. */
final class GridSection {
    record Result(GridFeedConfig config, Optional<YamlValue> deviceNode, Optional<YamlValue> topicNode) {
    }

    private GridSection() {
    }

    static Result none() {
        return new Result(new GridFeedConfig(GridFeedConfig.Source.NONE, Optional.empty(), Optional.empty(),
                Optional.empty(), ConfigDefaults.GRID_MAX_AGE_MS), Optional.empty(), Optional.empty());
    }

    static Result read(YamlMap m, Path baseDir) {
        Optional<YamlValue> sourceNode = m.get("source");
        Optional<GridFeedConfig.Source> parsed = sourceNode.flatMap(v -> v.asEnum(GridFeedConfig.Source.class));
        // a bad source is reported once; do not pile "only used with" errors on top of it
        boolean known = sourceNode.isEmpty() || parsed.isPresent();
        GridFeedConfig.Source source = parsed.orElse(GridFeedConfig.Source.NONE);
        Optional<YamlValue> deviceNode = only(m, "device", source, known, GridFeedConfig.Source.MODBUS);
        Optional<YamlValue> fileNode = only(m, "scheduleFile", source, known, GridFeedConfig.Source.SCHEDULE);
        Optional<YamlValue> topicNode = only(m, "mqttTopic", source, known, GridFeedConfig.Source.MQTT);
        long maxAge = m.integer("maxAgeMs", ConfigDefaults.GRID_MAX_AGE_MS, 1_000, 86_400_000);
        m.rejectUnknownKeys();

        Optional<String> device = deviceNode.map(YamlValue::asString);
        Optional<Path> schedule = fileNode.map(v -> {
            Path p = baseDir.resolve(v.asString()).normalize();
            if (!Files.isRegularFile(p)) {
                v.error("schedule file " + p + " does not exist");
            }
            return p;
        });
        Optional<String> topic = topicNode.map(v -> {
            String t = v.asString();
            if (t.contains("+") || t.contains("#") || t.isBlank()) {
                v.error("expected one MQTT topic without wildcards, got '" + t + "'");
            }
            return t;
        });
        return new Result(new GridFeedConfig(source, device, schedule, topic, maxAge), deviceNode, topicNode);
    }

    /** The key, required when {@code source} is {@code owner} and an error otherwise. */
    private static Optional<YamlValue> only(YamlMap m, String key, GridFeedConfig.Source source, boolean known,
                                            GridFeedConfig.Source owner) {
        if (source == owner) {
            return m.required(key);
        }
        m.get(key).filter(v -> known).ifPresent(v -> v.error("only used with source: " + owner.name().toLowerCase(java.util.Locale.ROOT)));
        return Optional.empty();
    }
}
