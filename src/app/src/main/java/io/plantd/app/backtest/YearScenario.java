package io.plantd.app.backtest;

import io.plantd.sim.model.ChillerSpec;
import io.plantd.sim.model.SpikeSpec;
import io.plantd.sim.model.Weather;
import io.plantd.sim.scenario.Action;
import io.plantd.sim.scenario.ItLoadSpec;
import io.plantd.sim.scenario.Scenario;
import io.plantd.sim.scenario.Target;
import io.plantd.sim.scenario.TimelineEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Generates the {@code year} scenario (8,760 h from 2026-01-01T00:00Z) deterministically from a
 * seed, on the reference site of issue 9. Everything below is derived from the seed with one
 * {@link SplittableRandom} stream, consumed in a fixed order:
 * <ul>
 *   <li><b>IT load</b> (the simulator's inference profile): base 4,900 kW, ±15 % diurnal peaking
 *       at 20:00, weekends × 0.9, +15 %/yr growth, 15 kW noise, spikes 0.5/h of 100–250 kW
 *       lasting 2–15 min.</li>
 *   <li><b>Weather:</b> 18 °C mean, ±6 °C daily (peak 15:00), ±10 °C seasonal (peak late July),
 *       plus a heat wave: +8 °C ramped in over 36 h, held 4 days, ramped out over 36 h, starting
 *       on a seeded day between 1 and 20 July.</li>
 *   <li><b>Prices:</b> electricity set every hour: 0.07/kWh off-peak, 0.13 from 12:00 to 20:00 on
 *       weekdays, +0.02 from June to September, ±10 % seeded noise; gas set monthly 0.75–0.95/therm.</li>
 *   <li><b>Demand response:</b> four events on seeded summer weekdays, 14:00–16:00: announced at
 *       12:00 (start, end and a 9,000 kW limit), level 2 while they run.</li>
 *   <li><b>Site:</b> 10 MW service; other load 12 % of IT + 2,200 kW; four 500-ton blend-capable
 *       hybrid chillers at 0.6 kW/ton design, true engine lead times seeded in 200–420 s.</li>
 * </ul>
 */
public final class YearScenario {
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    public static final long DAYS = 365;
    static final double SERVICE_KW = 10_000;
    static final double BASE_IT_KW = 4_900;
    static final double DR_CAP_KW = 9_000;

    private YearScenario() {
    }

    public static Scenario generate(long seed, Path file) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<ChillerSpec> chillers = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            double lead = 200 + 220 * rnd.nextDouble();
            chillers.add(new ChillerSpec("ch" + i, 500, 0.6, Math.rint(lead), true, ChillerSpec.DEFAULT_WATCHDOG_S,
                    ChillerSpec.DEFAULT_COOLDOWN_S, ChillerSpec.DEFAULT_MOTOR_PICKUP_S));
        }
        ItLoadSpec it = new ItLoadSpec.Profile(BASE_IT_KW, 0.15, 20, 0.9, 0.15, 15,
                new SpikeSpec(0.5, 100, 250, 120, 900));
        Weather weather = new Weather(18, 6, 15, 10, 0);
        Scenario.Site site = new Scenario.Site(SERVICE_KW, 0.12, 2200, weather, it, chillers, 0, 0.07, 0.85, 60);

        List<TimelineEntry> t = new ArrayList<>();
        // heat wave
        long hwDay = 181 + rnd.nextInt(20);
        long hw = hwDay * 86_400;
        add(t, hw, new Action.Ramp(Target.OUTDOOR_OFFSET_C, 8, 36 * 3600));
        add(t, hw + (36 + 96) * 3600, new Action.Ramp(Target.OUTDOOR_OFFSET_C, 0, 36 * 3600));
        // gas price per month
        for (int m = 0; m < 12; m++) {
            long day = START.atZone(java.time.ZoneOffset.UTC).plusMonths(m).toLocalDate().getDayOfYear() - 1;
            add(t, day * 86_400, new Action.Set(Target.PRICE_GAS, round(0.75 + 0.20 * rnd.nextDouble())));
        }
        // hourly electricity price
        for (long h = 0; h < DAYS * 24; h++) {
            long day = h / 24;
            int hour = (int) (h % 24);
            int dow = (int) Math.floorMod(START.getEpochSecond() / 86_400 + day + 3, 7L);
            boolean weekday = dow < 5;
            int month = START.plusSeconds(h * 3600).atZone(java.time.ZoneOffset.UTC).getMonthValue();
            double p = weekday && hour >= 12 && hour < 20 ? 0.13 : 0.07;
            if (month >= 6 && month <= 9) {
                p += 0.02;
            }
            p *= 0.9 + 0.2 * rnd.nextDouble();
            add(t, h * 3600, new Action.Set(Target.PRICE_ELECTRICITY, round(p)));
        }
        // demand-response events on distinct summer weekdays
        List<Long> drDays = new ArrayList<>();
        while (drDays.size() < 4) {
            long day = 160 + rnd.nextInt(90);
            int dow = (int) Math.floorMod(START.getEpochSecond() / 86_400 + day + 3, 7L);
            if (dow < 5 && !drDays.contains(day)) {
                drDays.add(day);
            }
        }
        for (long day : drDays) {
            long s = day * 86_400 + 14 * 3600;
            long e = s + 2 * 3600;
            add(t, s - 2 * 3600, new Action.Set(Target.EVENT_START_AT_S, s));
            add(t, s - 2 * 3600, new Action.Set(Target.EVENT_END_AT_S, e));
            add(t, s - 2 * 3600, new Action.Set(Target.CAP_LIMIT_KW, DR_CAP_KW));
            add(t, s, new Action.Set(Target.EVENT_LEVEL, 2));
            add(t, e, new Action.Set(Target.EVENT_LEVEL, 0));
            add(t, e, new Action.Set(Target.CAP_LIMIT_KW, 0));
            add(t, e, new Action.Set(Target.EVENT_START_AT_S, -1));
            add(t, e, new Action.Set(Target.EVENT_END_AT_S, -1));
        }
        t.sort(java.util.Comparator.comparingDouble(TimelineEntry::atS));
        return new Scenario(file, "year", "generated year (seed " + seed + "): " + describe(hwDay, drDays),
                Optional.empty(), START, DAYS * 86_400, seed, 0, site,
                new Scenario.Serve(Scenario.Serve.DEFAULT_HOST, Scenario.Serve.DEFAULT_BASE_PORT, Map.of()), t);
    }

    private static String describe(long hwDay, List<Long> drDays) {
        List<Long> sorted = new ArrayList<>(drDays);
        sorted.sort(null);
        return "heat wave from day " + hwDay + ", DR events on days " + sorted;
    }

    private static void add(List<TimelineEntry> t, long atS, Action a) {
        t.add(new TimelineEntry(atS, a, 0));
    }

    private static double round(double v) {
        return Math.rint(v * 10_000) / 10_000;
    }
}
