package io.plantd.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.drivers.yaml.ConfigError;
import io.plantd.drivers.yaml.ConfigException;
import io.plantd.sim.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random corruptions of the shipped scenarios never crash the scenario loader: it refuses them
 * with errors positioned inside the file, or accepts a scenario that the simulation can then run
 * (a minute of it) without an exception. Generator files (read only by the backtest) are skipped.
 */
class ScenarioFileFuzzTest {
    private static final List<Path> FILES = new ArrayList<>();
    private static final List<List<String>> TEXTS = new ArrayList<>();

    @BeforeContainer
    static void load() throws IOException {
        Path dir = Path.of(System.getProperty("plantd.root")).resolve("config/scenarios");
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                List<String> lines = Files.readAllLines(p);
                if (lines.stream().noneMatch(l -> l.startsWith("generator:"))) {
                    FILES.add(p);
                    TEXTS.add(lines);
                }
            }
        }
    }

    record Edit(int line, int kind, String token) {
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<String> tokens = Arbitraries.of("-1", "0", "1e309", "NaN", "abc", "", "~", "[]", "{}", "'x'", "true",
                "- a", ": :", "&a", "*a", "99999999999", "-", "#", "\t", "{ at: -5, set: itScale }", "1.5.2");
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 4), tokens).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 300)
    void corruptedScenariosAreRefusedWithPositionsOrRun(@ForAll("edits") List<Edit> edits,
                                                       @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 99)
                                                       int which) {
        assertThat(FILES).isNotEmpty();
        int f = which % FILES.size();
        List<String> lines = new ArrayList<>(TEXTS.get(f));
        for (Edit e : edits) {
            int i = e.line() % lines.size();
            String line = lines.get(i);
            int colon = line.indexOf(": ");
            switch (e.kind()) {
                case 0 -> lines.set(i, colon < 0 ? e.token() : line.substring(0, colon + 2) + e.token());
                case 1 -> lines.set(i, line.substring(0, line.length() / 2));
                case 2 -> lines.add(i, line);
                case 3 -> lines.remove(i);
                default -> lines.subList(i, lines.size()).clear(); // file cut short
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        Path file = FILES.get(f);
        Scenario scenario;
        try {
            scenario = ScenarioLoader.parse(file, String.join("\n", lines) + "\n");
        } catch (ConfigException e) {
            assertThat(e.errors()).isNotEmpty();
            for (ConfigError error : e.errors()) {
                assertThat(error.line()).isBetween(1, lines.size() + 1);
                assertThat(error.column()).isPositive();
                assertThat(error.reason()).isNotBlank();
            }
            return;
        }
        assertThat(scenario.durationS()).isPositive();
        Simulation sim = new Simulation(scenario);
        for (int s = 0; s < 60 && s < scenario.durationS(); s++) {
            sim.advance(1.0);
        }
        assertThat(sim.model().siteKw()).isFinite();
    }
}
