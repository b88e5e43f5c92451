package io.plantd.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.drivers.point.PointId;
import io.plantd.drivers.point.PointValue;
import io.plantd.drivers.point.ProcessImage;
import io.plantd.sim.Simulation;
import io.plantd.sim.device.SimDevice;
import io.plantd.sim.device.SimPoint;
import io.plantd.sim.scenario.Scenario;
import io.plantd.sim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The lazily built image shows, point for point, what reading every point of every device each
 * second shows: the same value, unit, quality, reason and time, also across device dropouts that
 * start right after a second in which nobody asked for a point.
 */
class SimProcessImageTest {
    static final long MAX_AGE_MS = 5_000;

    static final String SCENARIO = """
            name: dropouts
            start: 2026-07-20T14:00:00Z
            durationS: 400
            seed: 3
            site:
              serviceCapacityKw: 5000
              otherLoad: { fractionOfIt: 0.1, fixedKw: 200 }
              weather: { baseC: 30, diurnalAmplitudeC: 2 }
              itLoad:
                profile: { baseKw: 2800, noiseKw: 10 }
              chillers:
                - { id: ch1, capacityTons: 500, trueLeadTimeS: 100 }
                - { id: ch2, capacityTons: 500, trueLeadTimeS: 100 }
              grid: { priceElectricity: 0.15, priceGas: 0.9 }
            timeline:
              - { at: 50, fault: { type: dropout, device: ch1 } }
              - { at: 70, clear: { type: dropout, device: ch1 } }
              - { at: 100, fault: { type: dropout, device: meter } }
              - { at: 130, set: { eventLevel: 2, capLimitKw: 4000 } }
              - { at: 200, clear: { type: dropout, device: meter } }
              - { at: 250, fault: { type: dropout, device: grid } }
              - { at: 260, fault: { type: dropout, device: ch2 } }
              - { at: 380, clear: { type: dropout, device: grid } }
            """;

    /** The eager reading: every point of every device, every second, into a plain map. */
    static final class EagerImage {
        final Map<PointId, PointValue> values = new HashMap<>();

        void read(List<SimDevice> devices, long nowMs) {
            for (SimDevice d : devices) {
                for (SimPoint p : d.points()) {
                    PointId id = PointId.of(d.id(), p.name());
                    if (d.responding()) {
                        double v = d.read(p.name());
                        values.put(id, Double.isFinite(v) ? PointValue.good(v, p.unit(), nowMs)
                                : PointValue.bad(p.unit(), "not a number", nowMs));
                    } else {
                        PointValue old = values.get(id);
                        values.put(id, old == null ? PointValue.missing("device not answering")
                                : old.agedAt(nowMs, MAX_AGE_MS));
                    }
                }
            }
        }
    }

    @Test
    void everyPointMatchesTheEagerReadingWhateverWasAskedForBefore() throws Exception {
        Scenario scenario = ScenarioLoader.parse(Path.of("dropouts.yaml"), SCENARIO);
        Simulation sim = new Simulation(scenario);
        List<SimDevice> devices = sim.devices().all();
        SimProcessImage lazy = new SimProcessImage(sim.devices(), MAX_AGE_MS);
        EagerImage eager = new EagerImage();
        List<PointId> all = new ArrayList<>(eager.values.keySet());
        Random rnd = new Random(1);
        long t0 = scenario.start().toEpochMilli();
        int compared = 0;
        for (int s = 0; s < 400; s++) {
            long nowMs = t0 + s * 1000L;
            ProcessImage image = lazy.read(nowMs);
            eager.read(devices, nowMs);
            if (all.isEmpty()) {
                all.addAll(eager.values.keySet());
            }
            // most seconds ask for a few points only (fresh instances, as a careless caller would);
            // every 37th second compares the whole image
            boolean whole = s % 37 == 0;
            for (PointId id : all) {
                if (whole || rnd.nextInt(8) == 0) {
                    PointId asked = rnd.nextBoolean() ? id : PointId.of(id.device(), id.point());
                    assertThat(image.get(asked)).as("%s at %d s", id, s).isEqualTo(eager.values.get(id));
                    compared++;
                }
            }
            if (whole) {
                assertThat(image.values()).isEqualTo(eager.values);
            }
            sim.advance(1.0);
        }
        assertThat(compared).isGreaterThan(2_000);
        assertThat(eager.values.get(PointId.of("ch2", "motor_power")).quality())
                .isEqualTo(io.plantd.drivers.point.Quality.STALE);
    }

    @Test
    void theImageHoldsEveryPointOfEveryDeviceAndNothingElse() throws Exception {
        Simulation sim = new Simulation(ScenarioLoader.parse(Path.of("dropouts.yaml"), SCENARIO));
        SimProcessImage lazy = new SimProcessImage(sim.devices(), MAX_AGE_MS);
        ProcessImage image = lazy.read(1000);
        assertThat(image.values()).hasSize(3 + 8 + 2 * 13);
        assertThat(image.get(PointId.of("meter", "nope")).quality())
                .isEqualTo(io.plantd.drivers.point.Quality.MISSING);
        assertThat(image.values().get(null)).isNull();
    }
}
