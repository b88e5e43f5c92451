package io.plantd.app.backtest;

import io.plantd.controller.config.EngineLimits;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.cycle.GridStatus;
import io.plantd.controller.policy.ChillerPoints;
import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.policy.Reason;
import io.plantd.drivers.point.PointId;
import io.plantd.drivers.point.ProcessImage;

/**
 * A threshold controller with no prediction: one more chiller to engine once the measured site
 * draw is over the cap (and the previous switch has taken effect), one back to motor after the
 * draw has stayed below cap − release margin for the release delay. Honours each unit's min run,
 * min off, starts per hour and hour budget, as a careful operator would.
 */
final class ReactiveStep extends BaselineStep {
    private static final long NEVER = Long.MIN_VALUE / 4;
    private final double releaseKw;
    private final long releaseMs;
    private final long[] changedAtMs;
    private final long[][] startsMs;
    private final int[] startCursor;
    private final double[] runS;
    private long belowSinceMs = NEVER;
    private long lastMs = NEVER;
    private final boolean[] onEngine;
    private final boolean[] ready;
    private final PointId[] runningIds;
    private final PointId[] statusIds;
    private final PointId[] readyIds;
    private final PointId[] faultIds;

    ReactiveStep(SiteConfig config, double releaseKw, long releaseS) {
        super(config);
        this.releaseKw = releaseKw;
        this.releaseMs = releaseS * 1000;
        int n = chillers.size();
        this.changedAtMs = new long[n];
        this.startsMs = new long[n][];
        this.startCursor = new int[n];
        this.runS = new double[n];
        this.onEngine = new boolean[n];
        this.ready = new boolean[n];
        this.runningIds = pointOfEach(ChillerPoints.ENGINE_RUNNING);
        this.statusIds = pointOfEach(ChillerPoints.DRIVE_MODE_STATUS);
        this.readyIds = pointOfEach(ChillerPoints.ENGINE_READY);
        this.faultIds = pointOfEach(ChillerPoints.FAULT);
        java.util.Arrays.fill(changedAtMs, NEVER);
        for (int i = 0; i < n; i++) {
            startsMs[i] = new long[Math.max(1, chillers.get(i).engine().maxStartsPerHour())];
            java.util.Arrays.fill(startsMs[i], NEVER);
        }
    }

    @Override
    protected void decide(ProcessImage image, GridStatus grid, long nowMs) {
        if (lastMs != NEVER) {
            double dt = Math.min(10, (nowMs - lastMs) / 1000.0);
            for (int i = 0; i < engine.length; i++) {
                if (point(image, runningIds[i]) == 1) {
                    runS[i] += dt;
                }
            }
        }
        lastMs = nowMs;
        for (int i = 0; i < engine.length; i++) {
            onEngine[i] = point(image, statusIds[i]) == DriveMode.ENGINE.code();
            ready[i] = point(image, readyIds[i]) == 1 && point(image, faultIds[i]) == 0;
        }
        double site = siteKw(image);
        double cap = cap(grid, nowMs);
        if (Double.isNaN(site) || site > cap) {
            belowSinceMs = NEVER;
            if (!Double.isNaN(site) && !switching()) {
                int pick = startable(nowMs);
                if (pick >= 0) {
                    engine[pick] = true;
                    reasons[pick] = Reason.CAP_EXCEEDED;
                    changedAtMs[pick] = nowMs;
                    startsMs[pick][startCursor[pick]] = nowMs;
                    startCursor[pick] = (startCursor[pick] + 1) % startsMs[pick].length;
                }
            }
            return;
        }
        if (site < cap - releaseKw) {
            if (belowSinceMs == NEVER) {
                belowSinceMs = nowMs;
            }
            if (nowMs - belowSinceMs >= releaseMs) {
                int back = releasable(nowMs);
                if (back >= 0) {
                    engine[back] = false;
                    reasons[back] = Reason.CAP_RELEASED;
                    changedAtMs[back] = nowMs;
                    belowSinceMs = nowMs; // one unit per release delay
                }
            }
        } else {
            belowSinceMs = NEVER;
        }
    }

    private double cap(GridStatus grid, long nowMs) {
        double cap = config.site().serviceCapacityKw();
        if (grid.good() && grid.capLimitKw().isPresent()) {
            boolean started = grid.eventStart().map(s -> s.toEpochMilli() <= nowMs).orElse(true);
            boolean ended = grid.eventEnd().map(e -> e.toEpochMilli() <= nowMs).orElse(false);
            if (started && !ended) {
                cap = Math.min(cap, grid.capLimitKw().get());
            }
        }
        return cap;
    }

    /** A unit commanded to engine whose drive does not yet show ENGINE: wait for it before adding another. */
    private boolean switching() {
        for (int i = 0; i < engine.length; i++) {
            if (engine[i] && !onEngine[i] && ready[i]) {
                return true;
            }
        }
        return false;
    }


    private int startable(long nowMs) {
        int best = -1;
        for (int i = 0; i < engine.length; i++) {
            EngineLimits l = chillers.get(i).engine();
            boolean ok = !engine[i] && ready[i]
                    && nowMs - changedAtMs[i] >= l.minOffS() * 1000
                    && startsMs[i][startCursor[i]] <= nowMs - 3_600_000L // oldest of the last N starts
                    && runS[i] / 3600.0 < l.yearlyHourBudget();
            if (ok && (best < 0 || runS[i] < runS[best])) {
                best = i;
            }
        }
        return best;
    }

    private int releasable(long nowMs) {
        int best = -1;
        for (int i = 0; i < engine.length; i++) {
            boolean ok = engine[i] && nowMs - changedAtMs[i] >= chillers.get(i).engine().minRunS() * 1000;
            if (ok && (best < 0 || changedAtMs[i] < changedAtMs[best])) {
                best = i;
            }
        }
        return best;
    }
}
