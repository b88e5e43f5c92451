package io.plantd.sim.model;

/** Random IT load spikes: a Poisson process of {@code perHour}, heights and lengths drawn uniformly. */
public record SpikeSpec(double perHour, double minKw, double maxKw, double minS, double maxS) {
    public static final SpikeSpec NONE = new SpikeSpec(0, 0, 0, 60, 60);
}
