package io.plantd.controller.config;

import java.util.Map;

/**
 * How grid events lower the cap. {@code capReductionKwByLevel} maps SIMPLE levels 1..3 to kW
 * taken off the cap; engines are pre-started from level {@code prestartLevel} upward.
 */
public record GridEventSettings(
        Map<Integer, Double> capReductionKwByLevel,
        int prestartLevel,
        double nominalFrequencyHz,
        double lowFrequencyHz,
        double lowFrequencyCapReductionKw) {

    public GridEventSettings {
        capReductionKwByLevel = Map.copyOf(capReductionKwByLevel);
    }

    public double reductionFor(int level) {
        return capReductionKwByLevel.getOrDefault(level, 0.0);
    }
}
