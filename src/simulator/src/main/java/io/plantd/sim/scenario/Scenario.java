package io.plantd.sim.scenario;

import io.plantd.sim.model.ChillerSpec;
import io.plantd.sim.model.Weather;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated scenario: the simulated site, where its devices listen, and a timeline. Built only
 * by {@link ScenarioLoader} (or directly in tests).
 *
 * @param infeasibleReason empty when engines can keep the site under the cap; otherwise why not
 *                         (the scenario is designed to be infeasible)
 */
public record Scenario(
        Path file,
        String name,
        String description,
        Optional<String> infeasibleReason,
        Instant start,
        long durationS,
        long seed,
        double utcOffsetH,
        Site site,
        Serve serve,
        List<TimelineEntry> timeline) {

    public Scenario {
        timeline = List.copyOf(timeline);
    }

    /** The simulated site. {@code serviceCapacityKw} is the physical cap the ground truth scores against. */
    public record Site(
            double serviceCapacityKw,
            double otherFractionOfIt,
            double otherFixedKw,
            Weather weather,
            ItLoadSpec itLoad,
            List<ChillerSpec> chillers,
            double meterNoiseKw,
            double priceElectricity,
            double priceGas,
            double frequencyHz) {
        public Site {
            chillers = List.copyOf(chillers);
        }
    }

    /**
     * Listen addresses: the meter on {@code basePort}, the grid gateway on basePort + 1, chiller i
     * (from 0) on basePort + 2 + i, all unit id 1, unless {@code overrides} says otherwise.
     */
    public record Serve(String host, int basePort, Map<String, PortUnit> overrides) {
        public static final String DEFAULT_HOST = "127.0.0.1";
        public static final int DEFAULT_BASE_PORT = 15020;

        public Serve {
            overrides = Map.copyOf(overrides);
        }
    }

    public record PortUnit(int port, int unitId) {
    }

    public boolean feasible() {
        return infeasibleReason.isEmpty();
    }
}
