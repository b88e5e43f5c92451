package io.plantd.controller.metrics;

import java.time.Duration;
import java.util.OptionalLong;

/** What /healthz and /readyz (and the systemd watchdog) need to know about the control loop. */
public interface HealthSource {
    /** {@link System#nanoTime()} when the last cycle completed; empty before the first. */
    OptionalLong lastCycleNanos();

    /** The control period. */
    Duration period();

    /** True once a cycle ran with a GOOD site meter. */
    boolean firstGoodCycleDone();

    /** True when the latest cycle's site meter quality was GOOD. */
    boolean siteMeterFresh();
}
