package io.plantd.controller.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.plantd.controller.config.ChillerConfig;
import io.plantd.controller.cycle.ChillerStatus;
import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.policy.Reason;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The series of one configured chiller, registered at start and updated from each cycle. */
final class ChillerMeters {
    private final String id;
    private final Map<DriveMode, AtomicInteger> commanded = new EnumMap<>(DriveMode.class);
    private final Map<DriveMode, AtomicInteger> actual = new EnumMap<>(DriveMode.class);
    private final AtomicDouble powerWatts = new AtomicDouble(Double.NaN);
    private final AtomicDouble engineShare = new AtomicDouble(Double.NaN);
    private final AtomicDouble engineStarts = new AtomicDouble(0);
    private final AtomicDouble engineRunSeconds = new AtomicDouble(0);
    private final AtomicInteger eligible = new AtomicInteger();
    private final AtomicInteger lockedOut = new AtomicInteger();
    private final AtomicInteger stale = new AtomicInteger();
    private final AtomicInteger overridden = new AtomicInteger();
    private final AtomicDouble leadTimeSeconds;

    ChillerMeters(MeterRegistry registry, ChillerConfig config) {
        this.id = config.id();
        Tags chiller = Tags.of("chiller", id);
        for (DriveMode mode : DriveMode.values()) {
            Tags tags = chiller.and("mode", mode.name().toLowerCase(Locale.ROOT));
            commanded.put(mode, gauge(registry, "plantd_chiller_drive_mode",
                    "1 for the drive mode plantd commands this chiller to, 0 for the others", tags));
            actual.put(mode, gauge(registry, "plantd_chiller_actual_drive_mode",
                    "1 for the drive mode the chiller reports it runs in, 0 for the others (all 0 when unknown)", tags));
        }
        Gauge.builder("plantd_chiller_power_watts", powerWatts, AtomicDouble::get).strongReference(true)
                .description("Motor (electrical) power of the chiller, measured or estimated").tags(chiller)
                .register(registry);
        Gauge.builder("plantd_chiller_engine_share_ratio", engineShare, AtomicDouble::get).strongReference(true)
                .description("Commanded engine share of the compressor drive, 0..1").tags(chiller).register(registry);
        FunctionCounter.builder("plantd_engine_starts", engineStarts, AtomicDouble::get)
                .description("Engine starts of the chiller as counted by the plant state").tags(chiller)
                .register(registry);
        FunctionCounter.builder("plantd_engine_run_seconds", engineRunSeconds, AtomicDouble::get)
                .description("Engine run time counted against the yearly engine-hour budget").tags(chiller)
                .register(registry);
        registerGauge(registry, "plantd_chiller_eligible",
                "1 when the chiller may be dispatched to engine", chiller, eligible);
        registerGauge(registry, "plantd_engine_locked_out",
                "1 while the engine is locked out after a failed start", chiller, lockedOut);
        registerGauge(registry, "plantd_chiller_stale",
                "1 when the chiller's points are stale and it is dropped from dispatch", chiller, stale);
        registerGauge(registry, "plantd_chiller_overridden",
                "1 while an operator override holds the chiller", chiller, overridden);
        leadTimeSeconds = new AtomicDouble(config.engine().leadTimeS());
        Gauge.builder("plantd_engine_lead_time_seconds", leadTimeSeconds, AtomicDouble::get).strongReference(true)
                .description("Learned engine lead time: start command to motor load off the grid").tags(chiller)
                .register(registry);
        Gauge.builder("plantd_engine_starts_per_hour_limit", config.engine(), e -> e.maxStartsPerHour())
                .strongReference(true).description("Configured engine starts allowed in a rolling hour")
                .tags(chiller).register(registry);
        Gauge.builder("plantd_engine_run_budget_seconds", config.engine(), e -> e.yearlyHourBudget() * 3600.0)
                .strongReference(true).description("Configured engine run time allowed per calendar year")
                .tags(chiller).register(registry);
    }

    String id() {
        return id;
    }

    void update(ChillerStatus status, boolean lockoutAlarmActive) {
        setOneHot(commanded, status.commanded());
        setOneHot(actual, status.actual());
        powerWatts.set(status.motorKw() * 1000.0);
        engineShare.set(status.engineShare());
        engineStarts.setMax(status.engineStarts());
        engineRunSeconds.setMax(status.engineRunSeconds());
        eligible.set(status.eligible() ? 1 : 0);
        lockedOut.set(isLockedOut(status) || lockoutAlarmActive ? 1 : 0);
        stale.set(status.stale() ? 1 : 0);
        overridden.set(status.overridden() ? 1 : 0);
        if (status.learnedLeadTimeS() > 0) {
            leadTimeSeconds.set(status.learnedLeadTimeS());
        }
    }

    /** Locked out when the cycle says so in the reason, or names the lock-out as why it is ineligible. */
    static boolean isLockedOut(ChillerStatus status) {
        return status.reason() == Reason.ENGINE_LOCKED_OUT
                || (!status.eligible() && status.ineligibleBecause() != null
                        && status.ineligibleBecause().toUpperCase(Locale.ROOT).contains(Reason.ENGINE_LOCKED_OUT.name()));
    }

    private static void setOneHot(Map<DriveMode, AtomicInteger> gauges, DriveMode on) {
        gauges.forEach((mode, value) -> value.set(mode == on ? 1 : 0));
    }

    private static AtomicInteger gauge(MeterRegistry registry, String name, String help, Tags tags) {
        AtomicInteger value = new AtomicInteger();
        registerGauge(registry, name, help, tags, value);
        return value;
    }

    private static void registerGauge(MeterRegistry registry, String name, String help, Tags tags, AtomicInteger value) {
        Gauge.builder(name, value, AtomicInteger::get).strongReference(true).description(help).tags(tags)
                .register(registry);
    }
}
