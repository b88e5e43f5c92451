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
     * Chillers in {@code bacnet} are served as BACnet/IP devices instead of over Modbus.
     */
    public record Serve(String host, int basePort, Map<String, PortUnit> overrides, Map<String, BacnetServe> bacnet) {
        public static final String DEFAULT_HOST = "127.0.0.1";
        public static final int DEFAULT_BASE_PORT = 15020;

        public Serve {
            overrides = Map.copyOf(overrides);
            bacnet = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bacnet));
        }

        /** Every device over Modbus. */
        public Serve(String host, int basePort, Map<String, PortUnit> overrides) {
            this(host, basePort, overrides, Map.of());
        }

        public boolean servedOverBacnet(String deviceId) {
            return bacnet.containsKey(deviceId);
        }
    }

    public record PortUnit(int port, int unitId) {
    }

    /** A chiller served over BACnet/IP: its UDP port (0 = any free one) and device instance. */
    public record BacnetServe(int port, int deviceInstance) {
        public static final int MAX_INSTANCE = 4_194_302;
    }

    public boolean feasible() {
        return infeasibleReason.isEmpty();
    }
}
