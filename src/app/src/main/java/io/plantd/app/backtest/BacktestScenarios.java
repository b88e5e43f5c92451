package io.plantd.app.backtest;

import io.plantd.drivers.yaml.ConfigErrors;
import io.plantd.drivers.yaml.ConfigException;
import io.plantd.drivers.yaml.YamlDocument;
import io.plantd.drivers.yaml.YamlMap;
import io.plantd.drivers.yaml.YamlValue;
import io.plantd.sim.scenario.Scenario;
import io.plantd.sim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a backtest scenario: either a simulator scenario (docs/simulator.md), or a generated one
 * named by a small file of the form {@code {name, generator: year, seed, description}} so that a
 * year of data need not be committed. Both are strict: unknown keys are errors.
 */
public final class BacktestScenarios {
    private BacktestScenarios() {
    }

    public static Scenario load(Path file) throws ConfigException {
        ConfigErrors errors = new ConfigErrors();
        Optional<YamlValue> root = YamlDocument.load(file, errors);
        errors.throwIfAny();
        YamlMap m = root.get().asMap();
        errors.throwIfAny();
        if (!m.has("generator")) {
            return ScenarioLoader.load(file);
        }
        m.requiredString("name");
        m.string("description", "");
        String generator = m.requiredString("generator");
        long seed = m.integer("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        if (!"year".equals(generator)) {
            m.get("generator").ifPresent(v -> v.error("unknown generator '" + generator + "' (known: year)"));
        }
        m.rejectUnknownKeys();
        errors.throwIfAny();
        return YearScenario.generate(seed, file);
    }
}
