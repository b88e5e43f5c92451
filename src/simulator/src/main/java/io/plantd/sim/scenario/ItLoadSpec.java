package io.plantd.sim.scenario;

import io.plantd.sim.model.SpikeSpec;
import java.nio.file.Path;

/** Where the IT load comes from. */
public sealed interface ItLoadSpec {
    record Profile(double baseKw, double diurnalAmplitude, double peakHour, double weekendFactor,
                   double growthPerYear, double noiseKw, SpikeSpec spikes) implements ItLoadSpec {
    }

    /** {@code seconds,it_kw} rows read from {@code file} (resolved relative to the scenario file). */
    record Csv(Path file, double[] seconds, double[] kw) implements ItLoadSpec {
    }
}
