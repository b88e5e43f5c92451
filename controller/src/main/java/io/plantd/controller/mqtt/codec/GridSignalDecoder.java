package io.plantd.controller.mqtt.codec;

import io.plantd.controller.cycle.GridStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the grid signal an aggregator or VEN publishes:
 * {@code {level, capLimitKw?, priceElectricity, priceGas, eventStart?, eventEnd?, frequencyHz?, outage, ts?}}.
 * {@code ts} is the source time the signal's age is measured from. Pure.
 */
public final class GridSignalDecoder {
    /** A source clock this far ahead of ours is tolerated; further and the timestamp is refused. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(5);

    private static final Set<String> FIELDS = Set.of("level", "capLimitKw", "priceElectricity", "priceGas",
            "eventStart", "eventEnd", "frequencyHz", "outage", "ts");

    private GridSignalDecoder() {
    }

    /** The signal as received; {@code good} is set true here and aged by the feed. */
    public record GridSignal(GridStatus status, Optional<Instant> sourceTime) {
    }

    public static GridSignal decode(byte[] payload, Instant now) throws PayloadException {
        StrictObject o = StrictObject.parse(payload, FIELDS);
        long level = o.optionalWholeNumber("level").orElseThrow(() -> new PayloadException("level", "required"));
        if (level < 0 || level > 3) {
            throw new PayloadException("level", "must be 0..3, got " + level);
        }
        Optional<Double> capLimit = o.optionalNumber("capLimitKw");
        if (capLimit.isPresent() && capLimit.get() <= 0) {
            throw new PayloadException("capLimitKw", "must be > 0, got " + capLimit.get());
        }
        // Negative electricity prices happen in real markets; only finiteness is required.
        double priceElectricity = o.requiredNumber("priceElectricity");
        double priceGas = o.requiredNumber("priceGas");
        if (priceGas < 0) {
            throw new PayloadException("priceGas", "must be >= 0, got " + priceGas);
        }
        Optional<Instant> start = o.optionalInstant("eventStart");
        Optional<Instant> end = o.optionalInstant("eventEnd");
        if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
            throw new PayloadException("eventEnd", "must be after eventStart (" + start.get() + "), got " + end.get());
        }
        Optional<Double> frequency = o.optionalNumber("frequencyHz");
        if (frequency.isPresent() && (frequency.get() < 40 || frequency.get() > 70)) {
            throw new PayloadException("frequencyHz", "must be within 40..70 Hz, got " + frequency.get());
        }
        boolean outage = o.requiredBoolean("outage");
        Optional<Instant> ts = o.optionalInstant("ts");
        if (ts.isPresent() && ts.get().isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new PayloadException("ts", ts.get() + " is in the future (now " + now + ")");
        }
        GridStatus status = new GridStatus((int) level, capLimit, priceElectricity, priceGas, start, end,
                frequency, outage, true);
        return new GridSignal(status, ts);
    }
}
