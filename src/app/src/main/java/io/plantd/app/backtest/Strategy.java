package io.plantd.app.backtest;

import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.cycle.CycleStep;
import io.plantd.controller.policy.PolicyCycleStep;
import java.util.Arrays;
import java.util.Optional;

/** The strategies a backtest compares, all run through the same plant model and scoring. */
public enum Strategy {
    /** Conventional plant: motors only. */
    MOTOR_ONLY("motor-only"),
    /** Engines during configured peak hours. */
    SCHEDULE("schedule"),
    /** One more engine after the measured draw exceeds the cap; no prediction. */
    REACTIVE("reactive"),
    /** plantd's real policy ({@link PolicyCycleStep}), unchanged. */
    PLANTD("plantd");

    private final String label;

    Strategy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Strategy> byLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
    }

    /** A fresh controller (no history) for one run. */
    public CycleStep create(SiteConfig config, BacktestSettings s, double utcOffsetH) {
        return switch (this) {
            case MOTOR_ONLY -> new MotorOnlyStep(config);
            case SCHEDULE -> new ScheduleStep(config, s.scheduleStartHour(), s.scheduleEndHour(), utcOffsetH);
            case REACTIVE -> new ReactiveStep(config, s.reactiveReleaseKw(), s.reactiveReleaseS());
            case PLANTD -> new PolicyCycleStep(config);
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
