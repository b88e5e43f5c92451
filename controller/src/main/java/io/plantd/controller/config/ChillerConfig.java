package io.plantd.controller.config;

/**
 * A hybrid-drive chiller. {@code motorKwPerTon} estimates motor kW when the chiller does not
 * measure it; {@code blend} says whether the unit accepts BLEND.
 */
public record ChillerConfig(
        String id,
        String device,
        double capacityTons,
        double motorKwPerTon,
        boolean blend,
        EngineLimits engine) {
}
