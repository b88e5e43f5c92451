package io.plantd.controller.metrics;

import io.plantd.controller.cycle.CycleListener;
import io.plantd.controller.cycle.CycleReport;
import io.plantd.drivers.point.Quality;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * A {@link HealthSource} fed by the cycle reports themselves: a report means a cycle completed.
 * Register it as a cycle listener (it only writes three volatile fields).
 */
public final class CycleHealth implements HealthSource, CycleListener {
    private static final long NONE = Long.MIN_VALUE;

    private final Duration period;
    private final LongSupplier nanoTime;
    private volatile long lastCycleNanos = NONE;
    private volatile boolean firstGoodCycleDone;
    private volatile boolean siteMeterFresh;

    public CycleHealth(Duration period) {
        this(period, System::nanoTime);
    }

    public CycleHealth(Duration period, LongSupplier nanoTime) {
        this.period = period;
        this.nanoTime = nanoTime;
    }

    @Override
    public void onCycle(CycleReport report) {
        boolean fresh = report.site() != null && report.site().siteQuality() == Quality.GOOD;
        siteMeterFresh = fresh;
        if (fresh) {
            firstGoodCycleDone = true;
        }
        lastCycleNanos = nanoTime.getAsLong();
    }

    @Override
    public OptionalLong lastCycleNanos() {
        long last = lastCycleNanos;
        return last == NONE ? OptionalLong.empty() : OptionalLong.of(last);
    }

    @Override
    public Duration period() {
        return period;
    }

    @Override
    public boolean firstGoodCycleDone() {
        return firstGoodCycleDone;
    }

    @Override
    public boolean siteMeterFresh() {
        return siteMeterFresh;
    }
}
