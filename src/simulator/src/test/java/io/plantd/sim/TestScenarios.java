package io.plantd.sim;

import io.plantd.sim.scenario.Scenario;
import io.plantd.sim.scenario.ScenarioLoader;
import java.nio.file.Path;

/** Small scenarios for tests. */
public final class TestScenarios {
    public static final String TWO_CHILLERS = """
            name: test
            start: 2026-07-20T14:00:00Z
            durationS: 3600
            seed: 7
            site:
              serviceCapacityKw: 5000
              otherLoad: { fractionOfIt: 0.1, fixedKw: 200 }
              weather: { baseC: 30, diurnalAmplitudeC: 0 }
              itLoad:
                profile: { baseKw: 2800 }
              chillers:
                - { id: ch1, capacityTons: 500, trueLeadTimeS: 100 }
                - { id: ch2, capacityTons: 500, trueLeadTimeS: 100, blend: false }
              grid: { priceElectricity: 0.15, priceGas: 0.9 }
            serve: { basePort: 0 }
            timeline:
              - { at: 60, set: { eventLevel: 2, capLimitKw: 4000, eventStartAtS: 120, eventEndAtS: 600 } }
            """;

    private TestScenarios() {
    }

    public static Scenario parse(String yaml) {
        try {
            return ScenarioLoader.parse(Path.of("test.yaml"), yaml);
        } catch (io.plantd.drivers.yaml.ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
