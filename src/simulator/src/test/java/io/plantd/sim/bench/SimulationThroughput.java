package io.plantd.sim.bench;

import io.plantd.sim.Simulation;
import io.plantd.sim.model.ChillerModel;
import io.plantd.sim.model.DriveCode;
import io.plantd.sim.record.GroundTruthRecorder;
import io.plantd.sim.scenario.Scenario;
import io.plantd.sim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test): one simulated year at 1 s steps on the reference site, with a trivial
 * stand-in controller writing heartbeat and drive mode every step and the ground-truth recorder
 * on (no CSV). Prints steps/s per run and the median. Run:
 * {@code java -cp <test-classes>:<classes>:<deps> io.plantd.sim.bench.SimulationThroughput [runs]}
 */
public final class SimulationThroughput {
    static final String YEAR = """
            name: year-bench
            start: 2026-01-01T00:00:00Z
            durationS: 31536000
            seed: 2026
            site:
              serviceCapacityKw: 10000
              otherLoad: { fractionOfIt: 0.12, fixedKw: 1000 }
              weather: { baseC: 20, diurnalAmplitudeC: 6, peakHour: 15, seasonalAmplitudeC: 10 }
              itLoad:
                profile: { baseKw: 6000, diurnalAmplitude: 0.08, peakHour: 20, weekendFactor: 0.92,
                           growthPerYear: 0.1, noiseKw: 20,
                           spikes: { perHour: 0.5, minKw: 100, maxKw: 500, minS: 60, maxS: 900 } }
              chillers:
                - { id: ch1, capacityTons: 500, trueLeadTimeS: 280 }
                - { id: ch2, capacityTons: 500, trueLeadTimeS: 340 }
                - { id: ch3, capacityTons: 500, trueLeadTimeS: 240 }
                - { id: ch4, capacityTons: 500, trueLeadTimeS: 400 }
            timeline:
              - { at: 17000000, ramp: { outdoorOffsetC: 8, overS: 86400 } }
              - { at: 17500000, ramp: { outdoorOffsetC: 0, overS: 86400 } }
            """;

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Scenario s = ScenarioLoader.parse(Path.of("year-bench.yaml"), YEAR);
        double[] rates = new double[runs];
        for (int r = 0; r < runs; r++) {
            Simulation sim = new Simulation(s);
            GroundTruthRecorder rec = sim.record(new GroundTruthRecorder());
            List<ChillerModel> chillers = sim.model().chillers();
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpu0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            long steps = 0;
            int hb = 0;
            while (!sim.finished()) {
                hb++;
                boolean hot = sim.model().siteKw() > 9600;
                for (int i = 0; i < chillers.size(); i++) {
                    ChillerModel c = chillers.get(i);
                    c.writeHeartbeat(hb & 0xFFFF);
                    c.writeDriveMode(hot && i < 2 ? DriveCode.ENGINE : DriveCode.MOTOR);
                }
                sim.advance(1);
                steps++;
            }
            double secs = (System.nanoTime() - t0) * 1e-9;
            double cpu = (mx.getCurrentThreadCpuTime() - cpu0) * 1e-9;
            rates[r] = steps / cpu;
            System.out.printf(Locale.ROOT, "run %d: %,d steps, wall %.2f s, cpu %.2f s = %,.0f steps per cpu-s"
                    + " (over cap %d s, starts ch1 %d)%n",
                    r + 1, steps, secs, cpu, rates[r], rec.summary().secondsOverCap(), rec.engineStarts("ch1"));
        }
        Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "median: %,.0f steps per cpu-s -> a year at 1 s in %.1f cpu-s (model + script + recorder)%n",
                rates[runs / 2], 31_536_000 / rates[runs / 2]);
    }
}
