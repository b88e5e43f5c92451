package io.plantd.drivers.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects errors so that one run reports all of them, not only the first. */
public final class ConfigErrors {
    private final List<ConfigError> errors = new ArrayList<>();

    public void add(ConfigError error) {
        errors.add(error);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<ConfigError> list() {
        List<ConfigError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparing(ConfigError::file)
                .thenComparingInt(ConfigError::line)
                .thenComparingInt(ConfigError::column));
        return sorted;
    }

    public void throwIfAny() throws ConfigException {
        if (!errors.isEmpty()) {
            throw new ConfigException(list());
        }
    }
}
