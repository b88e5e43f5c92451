package io.plantd.app.backtest;

import io.plantd.controller.config.Tariff;

/**
 * Accumulates a run's ground truth, one sample per simulated step, into a {@link Score}. Works on
 * plain numbers so its arithmetic can be checked by hand. A sample at time t covers the step
 * (t − dt, t]: energy = kW × dt / 3600.
 */
public final class Scorer {
    /** Tolerance for "over the cap": rounding, not a breach. */
    static final double OVER_EPSILON_KW = 1e-6;

    private final double dtS;
    private final long utcOffsetS;
    private final double gasThermsPerTonHour;
    private final Tariff tariff;
    private final long[][] recentStarts;
    private final int[] recentCount;
    private final int[] recentHead;
    private final long[] startsSeen;
    private final int[] startsToday;
    private final long[] dayOf;

    private double seconds;
    private double secondsOver;
    private double itKwh;
    private double kwhOver;
    private double worstOver;
    private long worstOverAt = -1;
    private double peakItUnderCap;
    private int maxPerHour;
    private int maxPerDay;
    private long totalStarts;
    private double electricityKwh;
    private double electricityCost;
    private double gasTherms;
    private double gasCost;
    private double co2Kg;
    private double unmetSeconds;

    public Scorer(int chillers, double dtS, double utcOffsetH, double gasThermsPerTonHour, Tariff tariff) {
        this.dtS = dtS;
        this.utcOffsetS = Math.round(utcOffsetH * 3600);
        this.gasThermsPerTonHour = gasThermsPerTonHour;
        this.tariff = tariff;
        this.recentStarts = new long[chillers][64];
        this.recentCount = new int[chillers];
        this.recentHead = new int[chillers];
        this.startsSeen = new long[chillers];
        this.startsToday = new int[chillers];
        this.dayOf = new long[chillers];
        java.util.Arrays.fill(dayOf, Long.MIN_VALUE);
    }

    /** Counts starts from here on relative to these cumulative counters (a pre-rolled plant). */
    public void baseline(long[] startsTotal) {
        System.arraycopy(startsTotal, 0, startsSeen, 0, startsSeen.length);
    }

    /**
     * @param engineTons   tons each unit's engine carried during the step (fuel)
     * @param startsTotal  each unit's cumulative engine starts
     * @param unmetCooling the plant could not carry the heat during the step
     */
    public void sample(long epochS, double siteKw, double capKw, double itKw, double priceElectricity,
                       double priceGas, double[] engineTons, long[] startsTotal, boolean unmetCooling) {
        seconds += dtS;
        double hours = dtS / 3600.0;
        itKwh += itKw * hours;
        double over = siteKw - capKw;
        if (over > OVER_EPSILON_KW) {
            secondsOver += dtS;
            kwhOver += over * hours;
            if (over > worstOver) {
                worstOver = over;
                worstOverAt = epochS;
            }
        } else if (itKw > peakItUnderCap) {
            peakItUnderCap = itKw;
        }
        if (unmetCooling) {
            unmetSeconds += dtS;
        }
        double kwh = siteKw * hours;
        electricityKwh += kwh;
        electricityCost += kwh * priceElectricity;
        double therms = 0;
        for (double tons : engineTons) {
            therms += tons * gasThermsPerTonHour * hours;
        }
        gasTherms += therms;
        gasCost += therms * priceGas;
        co2Kg += kwh * tariff.gridCo2KgPerKwh() + therms * tariff.gasCo2KgPerTherm();
        long day = Math.floorDiv(epochS + utcOffsetS, 86_400L);
        for (int i = 0; i < startsTotal.length; i++) {
            if (dayOf[i] != day) {
                dayOf[i] = day;
                startsToday[i] = 0;
            }
            long fresh = startsTotal[i] - startsSeen[i];
            startsSeen[i] = startsTotal[i];
            for (long k = 0; k < fresh; k++) {
                recordStart(i, epochS);
            }
        }
    }

    private void recordStart(int unit, long epochS) {
        totalStarts++;
        startsToday[unit]++;
        maxPerDay = Math.max(maxPerDay, startsToday[unit]);
        long[] ring = recentStarts[unit];
        // drop starts that left the rolling hour, then add this one
        while (recentCount[unit] > 0 && ring[recentHead[unit]] <= epochS - 3600) {
            recentHead[unit] = (recentHead[unit] + 1) % ring.length;
            recentCount[unit]--;
        }
        if (recentCount[unit] == ring.length) {
            recentHead[unit] = (recentHead[unit] + 1) % ring.length; // ring full: more than 64/h already counted
            recentCount[unit]--;
        }
        ring[(recentHead[unit] + recentCount[unit]) % ring.length] = epochS;
        recentCount[unit]++;
        maxPerHour = Math.max(maxPerHour, recentCount[unit]);
    }

    public Score result(String strategy, long decisions, double physicalLimitKw, double[] unitRunHours,
                        int startsPerHourLimit, double runHourBudget) {
        double maxRun = 0;
        double totalRun = 0;
        for (double h : unitRunHours) {
            maxRun = Math.max(maxRun, h);
            totalRun += h;
        }
        return new Score(strategy, Math.round(seconds), Math.round(secondsOver), kwhOver, worstOver, peakItUnderCap, physicalLimitKw,
                maxPerHour, maxPerDay, totalStarts, maxRun, totalRun, startsPerHourLimit, runHourBudget,
                electricityKwh, electricityCost, gasTherms, gasCost, co2Kg / 1000.0, decisions, Math.round(unmetSeconds), itKwh,
                worstOverAt);
    }
}
