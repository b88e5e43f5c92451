package io.plantd.controller.estimate;

import io.plantd.controller.config.ChillerConfig;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.policy.ChillerPoints;
import io.plantd.controller.policy.DriveMode;
import io.plantd.drivers.point.PointId;
import io.plantd.drivers.point.PointValue;
import io.plantd.drivers.point.ProcessImage;
import io.plantd.drivers.point.Quality;
import java.util.List;
import java.util.Optional;

/**
 * Maps a frozen {@link ProcessImage} to typed readings. Only GOOD points are read as numbers;
 * STALE/BAD/MISSING values (sentinels are BAD already) never become zeros. Point ids are
 * resolved once at construction. Not thread-safe: one reader per control loop.
 */
public final class PlantReader {
    private static final String[] STATUS_POINTS = {
        ChillerPoints.DRIVE_MODE_STATUS, ChillerPoints.MOTOR_POWER, ChillerPoints.COOLING_LOAD,
        ChillerPoints.ENGINE_READY, ChillerPoints.ENGINE_RUNNING, ChillerPoints.ENGINE_START_FAILED,
        ChillerPoints.GAS_PRESSURE_LOW, ChillerPoints.FAULT};
    private static final int MODE = 0;
    private static final int MOTOR = 1;
    private static final int COOLING = 2;
    private static final int READY = 3;
    private static final int RUNNING = 4;
    private static final int START_FAILED = 5;
    private static final int GAS_LOW = 6;
    private static final int FAULT = 7;

    private final PointId site;
    private final Optional<PointId> it;
    private final List<ChillerConfig> chillers;
    private final PointId[][] chillerPoints;
    /** Reused per call: one reader belongs to one control thread. */
    private final PointValue[] scratch = new PointValue[STATUS_POINTS.length];
    private final FrozenValueDetector siteFrozen = new FrozenValueDetector(FrozenValueDetector.DEFAULT_LIMIT_MS);

    public PlantReader(SiteConfig config) {
        this.site = config.meters().site();
        this.it = config.meters().it();
        this.chillers = config.chillers();
        this.chillerPoints = new PointId[chillers.size()][];
        for (int c = 0; c < chillers.size(); c++) {
            String device = chillers.get(c).device();
            chillerPoints[c] = new PointId[STATUS_POINTS.length];
            for (int p = 0; p < STATUS_POINTS.length; p++) {
                chillerPoints[c][p] = PointId.of(device, STATUS_POINTS[p]);
            }
        }
    }

    public SiteReading site(ProcessImage image) {
        PointValue s = image.get(site);
        double siteKw = s.isGood() && Double.isFinite(s.value()) ? s.value() : Double.NaN;
        Quality q = Double.isNaN(siteKw) && s.isGood() ? Quality.BAD : s.quality();
        double itKw = Double.NaN;
        boolean itMeasured = false;
        if (it.isPresent()) {
            PointValue v = image.get(it.get());
            if (v.isGood() && Double.isFinite(v.value())) {
                itKw = v.value();
                itMeasured = true;
            }
        }
        String reason = s.reason();
        if (q == Quality.GOOD) {
            long frozenMs = siteFrozen.frozenForMs(siteKw, witnessKw(image, itKw), s.timestampMillis());
            if (frozenMs > 0) {
                q = Quality.STALE;
                reason = "frozen: unchanged at " + siteKw + " kW for " + frozenMs / 1000
                        + " s while the loads it totals moved";
                siteKw = Double.NaN;
            }
        }
        return new SiteReading(siteKw, q, reason, itKw, itMeasured);
    }

    /** IT plus every chiller's measured motor kW: loads inside the site total, read by other meters. */
    private double witnessKw(ProcessImage image, double itKw) {
        double sum = Double.isNaN(itKw) ? 0 : itKw;
        boolean any = !Double.isNaN(itKw);
        for (PointId[] ids : chillerPoints) {
            PointValue motor = image.get(ids[MOTOR]);
            if (usable(motor)) {
                sum += motor.value();
                any = true;
            }
        }
        return any ? sum : Double.NaN;
    }

    public ChillerReading chiller(ProcessImage image, int index) {
        ChillerConfig cfg = chillers.get(index);
        PointId[] ids = chillerPoints[index];
        PointValue[] v = scratch;
        String staleBecause = "";
        for (int p = 0; p < ids.length; p++) {
            v[p] = image.get(ids[p]);
            Quality q = v[p].quality();
            if (staleBecause.isEmpty() && (q == Quality.STALE || q == Quality.MISSING)) {
                staleBecause = STATUS_POINTS[p] + " " + q + (v[p].reason().isEmpty() ? "" : ": " + v[p].reason());
            }
        }
        DriveMode actual = usable(v[MODE]) ? DriveMode.fromCode(v[MODE].value()).orElse(null) : null;
        if (staleBecause.isEmpty() && actual == null) {
            staleBecause = ChillerPoints.DRIVE_MODE_STATUS + " unreadable ("
                    + v[MODE].quality() + (usable(v[MODE]) ? " code " + v[MODE].value() : "") + ")";
        }
        boolean motorMeasured = usable(v[MOTOR]) && v[MOTOR].value() >= 0;
        boolean coolingKnown = usable(v[COOLING]) && v[COOLING].value() >= 0;
        if (staleBecause.isEmpty() && !motorMeasured && !coolingKnown) {
            staleBecause = "neither motor_power nor cooling_load readable";
        }
        boolean running = isTrue(v[RUNNING], false);
        double tons = coolingKnown ? v[COOLING].value() : Double.NaN;
        boolean onMotor = actual == DriveMode.MOTOR || (actual == DriveMode.LOCAL && !running);
        double equivalent;
        if (onMotor && motorMeasured) {
            equivalent = v[MOTOR].value();
        } else if (coolingKnown) {
            equivalent = tons * cfg.motorKwPerTon();
        } else {
            // unknown load: assume the unit at full capacity (the larger figure is the safe one)
            equivalent = cfg.capacityTons() * cfg.motorKwPerTon();
        }
        double motorKw;
        if (motorMeasured) {
            motorKw = v[MOTOR].value();
        } else if (actual == DriveMode.ENGINE || (actual == DriveMode.LOCAL && running)) {
            motorKw = 0;
        } else {
            motorKw = equivalent;
        }
        return new ChillerReading(cfg.id(), !staleBecause.isEmpty(), staleBecause, actual, motorKw, motorMeasured,
                equivalent, tons,
                isTrue(v[READY], false),
                running,
                usable(v[RUNNING]),
                isTrue(v[START_FAILED], false),
                isTrue(v[GAS_LOW], true),
                isTrue(v[GAS_LOW], false),
                isTrue(v[FAULT], true));
    }

    private static boolean usable(PointValue v) {
        return v.isGood() && Double.isFinite(v.value());
    }

    /** A boolean point; {@code ifUnknown} is the conservative value used when it cannot be read. */
    private static boolean isTrue(PointValue v, boolean ifUnknown) {
        return usable(v) ? v.value() != 0 : ifUnknown;
    }
}
