package io.plantd.controller.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.plantd.controller.config.ChillerConfig;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.cycle.Alarm;
import io.plantd.controller.cycle.ChillerStatus;
import io.plantd.controller.cycle.CycleListener;
import io.plantd.controller.cycle.CycleReport;
import io.plantd.controller.cycle.GridStatus;
import io.plantd.controller.cycle.SiteStatus;
import io.plantd.controller.policy.OperatingMode;
import io.plantd.drivers.point.Quality;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns each {@link CycleReport} into meter updates. Runs on the control thread, so it only sets
 * atomics and records into pre-registered meters; the one exception is the first sighting of an
 * alarm id, which registers its {@code plantd_alarm_active} series once.
 */
public final class CycleMetrics implements CycleListener {
    /** Explicit buckets for a 1 s loop: fine below 50 ms where healthy cycles sit, coarse up to overruns. */
    static final Duration[] CYCLE_BUCKETS = {
        Duration.ofMillis(1), Duration.ofNanos(2_500_000), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofMillis(750), Duration.ofSeconds(1), Duration.ofSeconds(2)
    };
    /** Alarm ids derive from configured ids, so they are bounded; this guards against a bug that is not. */
    static final int MAX_ALARM_SERIES = 256;

    private final MeterRegistry registry;
    private final long periodNanos;
    private final Timer cycleDuration;
    private final AtomicDouble overruns = new AtomicDouble(0);
    private final AtomicDouble lastSuccess = new AtomicDouble(Double.NaN);
    private final Map<String, AtomicDouble> sitePower = new LinkedHashMap<>();
    private final AtomicDouble serviceCap;
    private final AtomicDouble effectiveCap = new AtomicDouble(Double.NaN);
    private final AtomicDouble predicted = new AtomicDouble(Double.NaN);
    private final AtomicDouble demandAverage = new AtomicDouble(Double.NaN);
    private final AtomicDouble curtailment = new AtomicDouble(0);
    private final AtomicDouble headroom = new AtomicDouble(Double.NaN);
    private final AtomicDouble headroomHorizon = new AtomicDouble(Double.NaN);
    private final AtomicInteger meterFresh = new AtomicInteger();
    private final Counter capExceeded;
    private final Map<OperatingMode, AtomicInteger> operatingMode = new EnumMap<>(OperatingMode.class);
    private final AtomicInteger economicEnabled = new AtomicInteger();
    private final AtomicInteger gridLevel = new AtomicInteger();
    private final AtomicDouble gridCapLimit = new AtomicDouble(Double.NaN);
    private final AtomicDouble priceElectricity = new AtomicDouble(Double.NaN);
    private final AtomicDouble priceGas = new AtomicDouble(Double.NaN);
    private final AtomicDouble frequency = new AtomicDouble(Double.NaN);
    private final AtomicInteger gridOutage = new AtomicInteger();
    private final AtomicInteger gridGood = new AtomicInteger();
    private final Map<Alarm.Severity, AtomicInteger> alarmsBySeverity = new EnumMap<>(Alarm.Severity.class);
    private final Map<String, AtomicInteger> alarmActive = new ConcurrentHashMap<>();
    private final Map<String, ChillerMeters> chillers = new LinkedHashMap<>();
    private Instant previousAt;

    public CycleMetrics(MeterRegistry registry, SiteConfig config) {
        this.registry = registry;
        this.periodNanos = TimeUnit.MILLISECONDS.toNanos(config.control().periodMs());
        cycleDuration = Timer.builder("plantd_cycle_duration")
                .description("Time one control cycle took from read to publish hand-off")
                .serviceLevelObjectives(CYCLE_BUCKETS)
                .register(registry);
        FunctionCounter.builder("plantd_cycle_overruns", overruns, AtomicDouble::get)
                .description("Cycles that ran past their period (missed ticks are skipped, not replayed)")
                .register(registry);
        doubleGauge("plantd_cycle_last_success_timestamp_seconds",
                "Unix time of the last completed control cycle", Tags.empty(), lastSuccess);
        for (String kind : new String[] {"site", "it", "cooling", "other"}) {
            AtomicDouble value = new AtomicDouble(Double.NaN);
            sitePower.put(kind, value);
            doubleGauge("plantd_site_power_watts", "Site electrical draw by part (site = utility meter)",
                    Tags.of("kind", kind), value);
        }
        serviceCap = new AtomicDouble(config.site().serviceCapacityKw() * 1000.0);
        doubleGauge("plantd_site_cap_watts", "Service capacity and the effective cap plantd keeps to",
                Tags.of("kind", "service"), serviceCap);
        doubleGauge("plantd_site_cap_watts", "Service capacity and the effective cap plantd keeps to",
                Tags.of("kind", "effective"), effectiveCap);
        doubleGauge("plantd_site_predicted_power_watts", "Predicted site draw at now plus the lead time",
                Tags.empty(), predicted);
        doubleGauge("plantd_site_demand_interval_average_watts",
                "Predicted average draw over the current demand-charge interval", Tags.empty(), demandAverage);
        doubleGauge("plantd_it_curtailment_request_watts",
                "IT load to shed because the cap cannot be met with every eligible engine", Tags.empty(), curtailment);
        doubleGauge("plantd_it_headroom_watts", "Power IT may add now and keep for the headroom horizon",
                Tags.empty(), headroom);
        doubleGauge("plantd_it_headroom_horizon_seconds", "How long the published IT headroom holds",
                Tags.empty(), headroomHorizon);
        intGauge("plantd_site_meter_fresh", "1 when the site meter reading is GOOD, 0 when stale, bad or missing",
                Tags.empty(), meterFresh);
        capExceeded = Counter.builder("plantd_cap_exceeded_seconds")
                .description("Time the measured site draw was above the effective cap")
                .register(registry);
        for (OperatingMode mode : OperatingMode.values()) {
            AtomicInteger value = new AtomicInteger();
            operatingMode.put(mode, value);
            intGauge("plantd_operating_mode", "1 for the operating mode set by the BMS",
                    Tags.of("mode", mode.name().toLowerCase(Locale.ROOT).replace('_', '-')), value);
        }
        intGauge("plantd_economic_dispatch_enabled", "1 when economic dispatch may run engines on price",
                Tags.empty(), economicEnabled);
        intGauge("plantd_grid_event_level", "Grid event level 0 normal, 1 moderate, 2 high, 3 special",
                Tags.empty(), gridLevel);
        doubleGauge("plantd_grid_cap_limit_watts", "Cap limit set by the grid event, NaN when none",
                Tags.empty(), gridCapLimit);
        doubleGauge("plantd_grid_electricity_price", "Electricity price in the site currency per kWh",
                Tags.empty(), priceElectricity);
        doubleGauge("plantd_grid_gas_price", "Gas price in the site currency per therm", Tags.empty(), priceGas);
        doubleGauge("plantd_grid_frequency_hertz", "Grid frequency, NaN when the feed gives none",
                Tags.empty(), frequency);
        intGauge("plantd_grid_outage", "1 during a utility outage", Tags.empty(), gridOutage);
        intGauge("plantd_grid_signal_good", "1 when the grid feed is fresh and valid", Tags.empty(), gridGood);
        for (Alarm.Severity severity : Alarm.Severity.values()) {
            AtomicInteger value = new AtomicInteger();
            alarmsBySeverity.put(severity, value);
            intGauge("plantd_alarms_active", "Active alarms by severity",
                    Tags.of("severity", severity.name().toLowerCase(Locale.ROOT)), value);
        }
        for (ChillerConfig chiller : config.chillers()) {
            chillers.put(chiller.id(), new ChillerMeters(registry, chiller));
        }
        // The alarm family exists from the start with the ids known up front; others join when first raised.
        registerAlarm("meter-stale");
        config.chillers().forEach(chiller -> registerAlarm("engine-lockout-" + chiller.id()));
    }

    @Override
    public void onCycle(CycleReport report) {
        cycleDuration.record(report.durationNanos(), TimeUnit.NANOSECONDS);
        overruns.setMax(report.overrunsTotal());
        lastSuccess.set(report.at().toEpochMilli() / 1000.0);
        recordSite(report.site(), report.at());
        headroom.set(report.headroom().itHeadroomKw() * 1000.0);
        headroomHorizon.set(report.headroom().horizonS());
        operatingMode.forEach((mode, value) -> value.set(mode == report.mode() ? 1 : 0));
        economicEnabled.set(report.economicEnabled() ? 1 : 0);
        recordGrid(report.grid());
        Set<String> activeAlarms = recordAlarms(report);
        for (ChillerStatus status : report.chillers()) {
            ChillerMeters meters = chillers.get(status.id());
            if (meters != null) { // label values only from configured ids
                meters.update(status, activeAlarms.contains("engine-lockout-" + status.id()));
            }
        }
    }

    private void recordSite(SiteStatus site, Instant at) {
        sitePower.get("site").set(site.siteKw() * 1000.0);
        sitePower.get("it").set(site.itKw() * 1000.0);
        sitePower.get("cooling").set(site.coolingKw() * 1000.0);
        sitePower.get("other").set(site.otherKw() * 1000.0);
        serviceCap.set(site.serviceCapKw() * 1000.0);
        effectiveCap.set(site.effectiveCapKw() * 1000.0);
        predicted.set(site.predictedKw() * 1000.0);
        demandAverage.set(site.demandIntervalAvgKw() * 1000.0);
        curtailment.set(site.curtailmentRequestKw() * 1000.0);
        boolean fresh = site.siteQuality() == Quality.GOOD;
        meterFresh.set(fresh ? 1 : 0);
        if (previousAt != null && fresh && site.siteKw() > site.effectiveCapKw()) {
            // Time since the previous cycle, bounded so a stalled loop is not booked as cap time.
            long nanos = Math.min(Math.max(0, Duration.between(previousAt, at).toNanos()), 3 * periodNanos);
            capExceeded.increment(nanos / 1e9);
        }
        previousAt = at;
    }

    private void recordGrid(GridStatus grid) {
        gridLevel.set(grid.level());
        gridCapLimit.set(grid.capLimitKw().map(kw -> kw * 1000.0).orElse(Double.NaN));
        priceElectricity.set(grid.priceElectricity());
        priceGas.set(grid.priceGas());
        frequency.set(grid.frequencyHz().orElse(Double.NaN));
        gridOutage.set(grid.outage() ? 1 : 0);
        gridGood.set(grid.good() ? 1 : 0);
    }

    private Set<String> recordAlarms(CycleReport report) {
        Map<Alarm.Severity, Integer> counts = new EnumMap<>(Alarm.Severity.class);
        Set<String> active = new HashSet<>();
        for (Alarm alarm : report.alarms()) {
            counts.merge(alarm.severity(), 1, Integer::sum);
            active.add(alarm.id());
        }
        alarmsBySeverity.forEach((severity, value) -> value.set(counts.getOrDefault(severity, 0)));
        for (String id : active) {
            if (!alarmActive.containsKey(id) && alarmActive.size() < MAX_ALARM_SERIES) {
                registerAlarm(id);
            }
        }
        alarmActive.forEach((id, value) -> value.set(active.contains(id) ? 1 : 0));
        return active;
    }

    private void registerAlarm(String id) {
        AtomicInteger value = new AtomicInteger();
        intGauge("plantd_alarm_active", "1 while the alarm is active; kept at 0 once it clears",
                Tags.of("alarm", id), value);
        alarmActive.put(id, value);
    }

    private void doubleGauge(String name, String help, Tags tags, AtomicDouble value) {
        Gauge.builder(name, value, AtomicDouble::get).strongReference(true).description(help).tags(tags)
                .register(registry);
    }

    private void intGauge(String name, String help, Tags tags, AtomicInteger value) {
        Gauge.builder(name, value, AtomicInteger::get).strongReference(true).description(help).tags(tags)
                .register(registry);
    }
}
