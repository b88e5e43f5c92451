package io.plantd.controller.cycle;

import java.time.Instant;
import java.util.Optional;

/** The normalised grid signal as used in the cycle; {@code good} is false when the feed is stale or bad. */
public record GridStatus(
        int level,
        Optional<Double> capLimitKw,
        double priceElectricity,
        double priceGas,
        Optional<Instant> eventStart,
        Optional<Instant> eventEnd,
        Optional<Double> frequencyHz,
        boolean outage,
        boolean good) {
}
