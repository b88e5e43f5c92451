package io.plantd.app.backtest;

import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.cycle.GridStatus;
import io.plantd.controller.policy.Reason;
import io.plantd.drivers.point.ProcessImage;

/**
 * Common practice: every chiller on engine during the configured peak hours (local time), on
 * motor otherwise. One start per unit per day, far inside any start limit.
 */
final class ScheduleStep extends BaselineStep {
    private final int startHour;
    private final int endHour;
    private final long utcOffsetS;

    ScheduleStep(SiteConfig config, int startHour, int endHour, double utcOffsetH) {
        super(config);
        this.startHour = startHour;
        this.endHour = endHour;
        this.utcOffsetS = Math.round(utcOffsetH * 3600);
    }

    @Override
    protected void decide(ProcessImage image, GridStatus grid, long nowMs) {
        long localS = Math.floorDiv(nowMs, 1000L) + utcOffsetS;
        int hour = (int) (Math.floorMod(localS, 86_400L) / 3600);
        boolean peak = hour >= startHour && hour < endHour;
        for (int i = 0; i < engine.length; i++) {
            if (engine[i] != peak) {
                reasons[i] = Reason.OVERRIDE;
            }
            engine[i] = peak;
        }
    }
}
