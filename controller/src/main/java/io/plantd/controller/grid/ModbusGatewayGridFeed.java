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
    private final PointId levelId;
    private final PointId capId;
    private final PointId priceElectricityId;
    private final PointId priceGasId;
    private final PointId startId;
    private final PointId endId;
    private final PointId frequencyId;
    private final PointId outageId;
    private GridStatus lastGood;
    private List<String> problems = List.of();

    public ModbusGatewayGridFeed(String device, long maxAgeMs, Tariff tariff) {
        this.device = device;
        this.maxAgeMs = maxAgeMs;
        // resolved once: the feed runs every cycle
        this.levelId = PointId.of(device, GridPoints.EVENT_LEVEL);
        this.capId = PointId.of(device, GridPoints.CAP_LIMIT);
        this.priceElectricityId = PointId.of(device, GridPoints.PRICE_ELECTRICITY);
        this.priceGasId = PointId.of(device, GridPoints.PRICE_GAS);
        this.startId = PointId.of(device, GridPoints.EVENT_START);
        this.endId = PointId.of(device, GridPoints.EVENT_END);
        this.frequencyId = PointId.of(device, GridPoints.FREQUENCY);
        this.outageId = PointId.of(device, GridPoints.OUTAGE);
        this.lastGood = new GridStatus(0, Optional.empty(), tariff.electricityPerKwh(), tariff.gasPerTherm(),
                Optional.empty(), Optional.empty(), Optional.empty(), false, false);
    }

    @Override
    public GridStatus current(ProcessImage image, Instant now) {
        Reading r = new Reading(image);
        double level = r.required(GridPoints.EVENT_LEVEL, levelId);
        if (!Double.isNaN(level) && (level != Math.rint(level) || level < 0 || level > 3)) {
            r.problem(GridPoints.EVENT_LEVEL + " " + level + " is not a level 0..3");
        }
        double priceElectricity = r.required(GridPoints.PRICE_ELECTRICITY, priceElectricityId);
        double priceGas = r.required(GridPoints.PRICE_GAS, priceGasId);
        double outage = r.required(GridPoints.OUTAGE, outageId);
        Optional<Double> cap = positiveOrNone(r, GridPoints.CAP_LIMIT, r.optional(GridPoints.CAP_LIMIT, capId));
        Optional<Instant> start = epochOrNone(r, GridPoints.EVENT_START, r.optional(GridPoints.EVENT_START, startId));
        Optional<Instant> end = epochOrNone(r, GridPoints.EVENT_END, r.optional(GridPoints.EVENT_END, endId));
        Optional<Double> frequency =
                positiveOrNone(r, GridPoints.FREQUENCY, r.optional(GridPoints.FREQUENCY, frequencyId));
        if (r.problems == null) {
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

    /** 0 and a missing point (NaN) mean none; a negative value is a problem. */
    private static Optional<Double> positiveOrNone(Reading r, String point, double v) {
        if (Double.isNaN(v) || v == 0) {
            return Optional.empty();
        }
        if (v < 0) {
            r.problem(point + " " + v + " is negative");
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /**
     * 0 and a missing point (NaN) mean none; a negative or fractional value is a problem.
     *
     * @throws java.time.DateTimeException for a whole number beyond {@link Instant#MAX}, as it always
     *         has: the control cycle fails and holds its last commands
     */
    private static Optional<Instant> epochOrNone(Reading r, String point, double v) {
        if (Double.isNaN(v) || v == 0) {
            return Optional.empty();
        }
        if (v < 0 || v != Math.rint(v)) {
            r.problem(point + " " + v + " is not an epoch second");
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond((long) v));
    }

    /** One cycle's reading of the gateway: values are NaN where a point is absent or not usable. */
    private final class Reading {
        final ProcessImage image;
        /** Null until the first problem (the usual cycle has none). */
        List<String> problems;

        Reading(ProcessImage image) {
            this.image = image;
        }

        void problem(String p) {
            if (problems == null) {
                problems = new ArrayList<>();
            }
            problems.add(p);
        }

        double required(String point, PointId id) {
            return check(point, image.get(id));
        }

        /** Absent from the profile: none (NaN). Declared but not usable: a problem, like a required point. */
        double optional(String point, PointId id) {
            PointValue v = image.values().get(id);
            if (v == null) {
                if (!image.values().containsKey(id)) {
                    return Double.NaN;
                }
                v = image.get(id);
            }
            return check(point, v);
        }

        private double check(String point, PointValue v) {
            if (!v.isGood()) {
                problem(point + " is " + v.quality() + (v.reason().isEmpty() ? "" : " (" + v.reason() + ")"));
                return Double.NaN;
            }
            long age = image.takenAtMillis() - v.timestampMillis();
            if (age > maxAgeMs) {
                problem(point + " is " + age + " ms old (max " + maxAgeMs + " ms)");
                return Double.NaN;
            }
            if (!Double.isFinite(v.value())) {
                problem(point + " is not a number");
                return Double.NaN;
            }
            return v.value();
        }
    }
}
