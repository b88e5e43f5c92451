package io.plantd.controller.grid;

import io.plantd.controller.config.Tariff;
import io.plantd.controller.cycle.GridFeed;
import io.plantd.controller.cycle.GridStatus;
import io.plantd.controller.policy.GridPoints;
import io.plantd.drivers.point.PointId;
import io.plantd.drivers.point.PointValue;
import io.plantd.drivers.point.ProcessImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grid signal from a gateway device's points (see {@link GridPoints}), read from the cycle's
 * process image: the protocol behind it does not matter here.
 *
 * <p>Every point used must be GOOD and younger than {@code maxAgeMs}, and hold a sane value
 * (level 0..3, finite prices, positive cap and frequency). Otherwise the status is flagged
 * {@code good=false} and carries the last good values (or level 0 with tariff prices if there
 * never were any), so the policy knows the signal cannot be trusted but still sees the last
 * event it was told about.
 */
public final class ModbusGatewayGridFeed implements GridFeed {
    private static final Logger LOG = LoggerFactory.getLogger(ModbusGatewayGridFeed.class);

    private final String device;
    private final long maxAgeMs;
    private GridStatus lastGood;
    private List<String> problems = List.of();

    public ModbusGatewayGridFeed(String device, long maxAgeMs, Tariff tariff) {
        this.device = device;
        this.maxAgeMs = maxAgeMs;
        this.lastGood = new GridStatus(0, Optional.empty(), tariff.electricityPerKwh(), tariff.gasPerTherm(),
                Optional.empty(), Optional.empty(), Optional.empty(), false, false);
    }

    @Override
    public GridStatus current(ProcessImage image, Instant now) {
        Reading r = new Reading(image);
        double level = r.required(GridPoints.EVENT_LEVEL);
        if (!Double.isNaN(level) && (level != Math.rint(level) || level < 0 || level > 3)) {
            r.problem(GridPoints.EVENT_LEVEL + " " + level + " is not a level 0..3");
        }
        double priceElectricity = r.required(GridPoints.PRICE_ELECTRICITY);
        double priceGas = r.required(GridPoints.PRICE_GAS);
        double outage = r.required(GridPoints.OUTAGE);
        Optional<Double> cap = r.optional(GridPoints.CAP_LIMIT).flatMap(v -> positiveOrNone(r, GridPoints.CAP_LIMIT, v));
        Optional<Instant> start = r.optional(GridPoints.EVENT_START).flatMap(v -> epochOrNone(r, GridPoints.EVENT_START, v));
        Optional<Instant> end = r.optional(GridPoints.EVENT_END).flatMap(v -> epochOrNone(r, GridPoints.EVENT_END, v));
        Optional<Double> frequency = r.optional(GridPoints.FREQUENCY)
                .flatMap(v -> positiveOrNone(r, GridPoints.FREQUENCY, v));
        if (r.problems.isEmpty()) {
            if (!problems.isEmpty()) {
                LOG.info("grid feed {} good again", device);
            }
            problems = List.of();
            lastGood = new GridStatus((int) level, cap, priceElectricity, priceGas, start, end, frequency,
                    outage != 0, true);
            return lastGood;
        }
        if (problems.isEmpty()) {
            LOG.warn("grid feed {} not usable, holding its last good values: {}", device, String.join("; ", r.problems));
        }
        problems = List.copyOf(r.problems);
        GridStatus g = lastGood;
        return new GridStatus(g.level(), g.capLimitKw(), g.priceElectricity(), g.priceGas(), g.eventStart(),
                g.eventEnd(), g.frequencyHz(), g.outage(), false);
    }

    /** Why the last status was not good (empty when it was). */
    public List<String> problems() {
        return problems;
    }

    private static Optional<Double> positiveOrNone(Reading r, String point, double v) {
        if (v == 0) {
            return Optional.empty();
        }
        if (v < 0) {
            r.problem(point + " " + v + " is negative");
            return Optional.empty();
        }
        return Optional.of(v);
    }

    private static Optional<Instant> epochOrNone(Reading r, String point, double v) {
        if (v == 0) {
            return Optional.empty();
        }
        if (v < 0 || v != Math.rint(v)) {
            r.problem(point + " " + v + " is not an epoch second");
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond((long) v));
    }

    private final class Reading {
        final ProcessImage image;
        final List<String> problems = new ArrayList<>();

        Reading(ProcessImage image) {
            this.image = image;
        }

        void problem(String p) {
            problems.add(p);
        }

        double required(String point) {
            return check(point, image.get(device, point)).orElse(Double.NaN);
        }

        /** Absent from the profile: none. Declared but not usable: a problem, like a required point. */
        Optional<Double> optional(String point) {
            PointId id = PointId.of(device, point);
            if (!image.values().containsKey(id)) {
                return Optional.empty();
            }
            return check(point, image.get(id));
        }

        private Optional<Double> check(String point, PointValue v) {
            if (!v.isGood()) {
                problem(point + " is " + v.quality() + (v.reason().isEmpty() ? "" : " (" + v.reason() + ")"));
                return Optional.empty();
            }
            long age = image.takenAtMillis() - v.timestampMillis();
            if (age > maxAgeMs) {
                problem(point + " is " + age + " ms old (max " + maxAgeMs + " ms)");
                return Optional.empty();
            }
            if (!Double.isFinite(v.value())) {
                problem(point + " is not a number");
                return Optional.empty();
            }
            return Optional.of(v.value());
        }
    }
}
