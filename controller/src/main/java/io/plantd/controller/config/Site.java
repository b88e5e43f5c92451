package io.plantd.controller.config;

import java.util.OptionalDouble;

/**
 * The electrical frame. The cap plantd keeps to is min(service, grid-event limit, demand target)
 * minus {@code marginKw}; a chiller goes back to motor only below cap minus {@code releaseMarginKw}.
 */
public record Site(
        String id,
        double serviceCapacityKw,
        double marginKw,
        double releaseMarginKw,
        OptionalDouble demandTargetKw,
        long demandIntervalS,
        String currency,
        Tariff tariff) {
}
