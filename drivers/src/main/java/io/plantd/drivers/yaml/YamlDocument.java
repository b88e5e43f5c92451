package io.plantd.drivers.yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/** Parses one YAML file into a {@link YamlValue} tree that keeps every node's position. */
public final class YamlDocument {
    private YamlDocument() {
    }

    public static Optional<YamlValue> load(Path file, ConfigErrors errors) {
        String label = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            errors.add(new ConfigError(label, 1, 1, "", "cannot read file: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage())));
            return Optional.empty();
        }
        return parse(label, text, errors);
    }

    public static Optional<YamlValue> parse(String label, String text, ConfigErrors errors) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(label)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(10)
                .setCodePointLimit(8 * 1024 * 1024)
                .build();
        try {
            Optional<Node> root = new Compose(settings).composeString(text);
            if (root.isEmpty()) {
                errors.add(new ConfigError(label, 1, 1, "", "the file is empty"));
                return Optional.empty();
            }
            return Optional.of(new YamlValue(label, "", root.get(), errors));
        } catch (MarkedYamlEngineException e) {
            String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            errors.add(YamlValue.errorAt(label, e.getProblemMark(), "", "invalid YAML: " + problem));
            return Optional.empty();
        } catch (YamlEngineException e) {
            errors.add(new ConfigError(label, 1, 1, "", "invalid YAML: " + e.getMessage()));
            return Optional.empty();
        }
    }
}
