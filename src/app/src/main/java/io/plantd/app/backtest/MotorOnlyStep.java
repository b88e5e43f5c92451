package io.plantd.app.backtest;

import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.cycle.GridStatus;
import io.plantd.drivers.point.ProcessImage;

/** The conventional plant: every chiller on its motor, always. */
final class MotorOnlyStep extends BaselineStep {
    MotorOnlyStep(SiteConfig config) {
        super(config);
    }

    @Override
    protected void decide(ProcessImage image, GridStatus grid, long nowMs) {
        java.util.Arrays.fill(engine, false);
    }
}
