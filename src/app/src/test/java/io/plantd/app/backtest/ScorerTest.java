package io.plantd.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plantd.controller.config.Tariff;
import org.junit.jupiter.api.Test;

/** Scoring arithmetic against hand-computed traces. */
class ScorerTest {
    private static final Tariff TARIFF = new Tariff(0.10, 1.0, 0.5, 5.0);

    @Test
    void hourlyTraceMatchesHandComputedTotals() {
        // one sample per hour, so every kW is a kWh: easy to check by hand
        Scorer s = new Scorer(2, 3600, 0, 0.1, TARIFF);
        // hour 1: within cap, unit 0's engine carries 10 tons -> 10 * 0.1 = 1 therm
        s.sample(3600, 1000, 1200, 700, 0.10, 1.0, new double[] {10, 0}, new long[] {0, 0}, false);
        // hour 2: 100 kW over the cap for an hour; unit 0 starts once
        s.sample(7200, 1300, 1200, 900, 0.10, 1.0, new double[] {0, 0}, new long[] {1, 0}, false);
        // hour 3: 50 kW over; unit 0 starts again, unit 1 once; cooling short
        s.sample(10_800, 1250, 1200, 800, 0.20, 2.0, new double[] {0, 0}, new long[] {2, 1}, true);
        Score r = s.result("hand", 7, 1000, new double[] {1.5, 0.25}, 4, 3000);

        assertThat(r.seconds()).isEqualTo(3 * 3600);
        assertThat(r.secondsOverCap()).isEqualTo(2 * 3600);
        assertThat(r.kwhOverCap()).isCloseTo(150, within(1e-9));
        assertThat(r.worstOvershootKw()).isCloseTo(100, within(1e-9));
        assertThat(r.worstOvershootAtEpochS()).isEqualTo(7200);
        assertThat(r.peakItUnderCapKw()).isEqualTo(700); // 900 and 800 were served while over the cap
        assertThat(r.pctOfPhysical()).isCloseTo(70, within(1e-9));
        assertThat(r.electricityKwh()).isCloseTo(3550, within(1e-9));
        assertThat(r.electricityCost()).isCloseTo(100 + 130 + 250, within(1e-9));
        assertThat(r.gasTherms()).isCloseTo(1, within(1e-12));
        assertThat(r.gasCost()).isCloseTo(1, within(1e-12));
        assertThat(r.co2Tonnes()).isCloseTo((3550 * 0.5 + 1 * 5.0) / 1000, within(1e-12));
        assertThat(r.itKwh()).isCloseTo(2400, within(1e-9));
        assertThat(r.totalStarts()).isEqualTo(3);
        // starts of unit 0 at 7200 and 10800 are exactly an hour apart: not in one rolling hour
        assertThat(r.maxStartsPerHour()).isEqualTo(1);
        assertThat(r.maxStartsPerDay()).isEqualTo(2);
        assertThat(r.maxUnitRunHours()).isEqualTo(1.5);
        assertThat(r.totalRunHours()).isEqualTo(1.75);
        assertThat(r.unmetCoolingSeconds()).isEqualTo(3600);
        assertThat(r.decisions()).isEqualTo(7);
        assertThat(r.startsWithinLimits()).isTrue();
    }

    @Test
    void rollingHourCountsStartsInAnySixtyMinutesAndDaysRollOver() {
        Scorer s = new Scorer(1, 1, 0, 0.1, TARIFF);
        long[] starts = {0};
        long[] at = {86_000, 86_300, 86_399, 86_400 + 100, 86_400 + 3000, 86_400 + 3300};
        int next = 0;
        for (long t = 85_000; t <= 86_400 + 4000; t++) {
            if (next < at.length && at[next] == t) {
                starts[0]++;
                next++;
            }
            s.sample(t, 10, 20, 5, 0, 0, new double[] {0}, starts, false);
        }
        Score r = s.result("roll", 0, 100, new double[] {0}, 4, 3000);
        assertThat(r.totalStarts()).isEqualTo(6);
        // 86,300 .. 89,700 (= 86,400 + 3,300) span 3,400 s: five starts in one rolling hour
        assertThat(r.maxStartsPerHour()).isEqualTo(5);
        // three on the first day, three on the next
        assertThat(r.maxStartsPerDay()).isEqualTo(3);
        assertThat(r.startsWithinLimits()).isFalse();
        assertThat(r.secondsOverCap()).isZero();
    }

    @Test
    void drawExactlyAtTheCapIsNotABreach() {
        Scorer s = new Scorer(1, 1, 0, 0.1, TARIFF);
        s.sample(1, 1000, 1000, 600, 0.1, 1, new double[] {0}, new long[] {0}, false);
        s.sample(2, 1000.5, 1000, 650, 0.1, 1, new double[] {0}, new long[] {0}, false);
        Score r = s.result("edge", 0, 1000, new double[] {0}, 4, 3000);
        assertThat(r.secondsOverCap()).isEqualTo(1);
        assertThat(r.kwhOverCap()).isCloseTo(0.5 / 3600, within(1e-12));
        assertThat(r.peakItUnderCapKw()).isEqualTo(600);
    }
}
