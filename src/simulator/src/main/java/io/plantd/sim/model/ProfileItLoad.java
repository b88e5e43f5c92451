package io.plantd.sim.model;

import java.util.SplittableRandom;

/**
 * An inference-shaped IT load: base × growth × diurnal × weekly, plus seeded random spikes and
 * per-second noise. Inference traffic follows people: trough before dawn, peak in the evening.
 * Deterministic for a given seed whatever the step size: spikes come from one seeded stream
 * consumed in time order, noise from a per-second hash.
 *
 * @param diurnalAmplitude fraction of base added at the peak hour and removed twelve hours later
 * @param peakHour         local hour of the daily peak
 * @param weekendFactor    multiplier on Saturdays and Sundays
 * @param growthPerYear    fractional growth per year from {@code originEpochS}
 * @param utcOffsetH       local time = UTC + offset
 */
public final class ProfileItLoad implements ItLoad {
    private final double baseKw;
    private final double diurnalAmplitude;
    private final double peakHour;
    private final double weekendFactor;
    private final double growthPerYear;
    private final double noiseKw;
    private final double utcOffsetH;
    private final double originEpochS;
    private final SpikeSpec spikes;
    private final long seed;
    private final SplittableRandom random;

    private double spikeStart = Double.NaN;
    private double spikeEnd;
    private double spikeKw;

    public ProfileItLoad(double baseKw, double diurnalAmplitude, double peakHour, double weekendFactor,
                         double growthPerYear, double noiseKw, double utcOffsetH, SpikeSpec spikes,
                         long seed, double originEpochS) {
        this.baseKw = baseKw;
        this.diurnalAmplitude = diurnalAmplitude;
        this.peakHour = peakHour;
        this.weekendFactor = weekendFactor;
        this.growthPerYear = growthPerYear;
        this.noiseKw = noiseKw;
        this.utcOffsetH = utcOffsetH;
        this.spikes = spikes;
        this.seed = seed;
        this.originEpochS = originEpochS;
        this.random = new SplittableRandom(seed);
        if (spikes.perHour() > 0) {
            scheduleSpike(originEpochS);
        }
    }

    @Override
    public double kwAt(double epochS) {
        double localS = epochS + utcOffsetH * 3600.0;
        double hour = (localS % 86400.0) / 3600.0;
        double phase = 2 * Math.PI * (hour - peakHour) / 24.0;
        // second harmonic sharpens the evening peak and flattens the night, as inference traffic does
        double diurnal = 1.0 + diurnalAmplitude * (0.85 * Math.cos(phase) + 0.15 * Math.cos(2 * phase));
        long day = (long) Math.floor(localS / 86400.0);
        int dow = (int) Math.floorMod(day + 3, 7L); // 1970-01-01 was a Thursday; 0 = Monday
        double weekly = dow >= 5 ? weekendFactor : 1.0;
        double growth = 1.0 + growthPerYear * (epochS - originEpochS) / (365.25 * 86400.0);
        double kw = baseKw * growth * diurnal * weekly + spikeAt(epochS);
        if (noiseKw > 0) {
            kw += noiseKw * Hash.normal(seed, (long) Math.floor(epochS));
        }
        return Math.max(0.0, kw);
    }

    private double spikeAt(double t) {
        if (Double.isNaN(spikeStart)) {
            return 0.0;
        }
        while (t >= spikeEnd) {
            scheduleSpike(spikeEnd);
        }
        if (t < spikeStart) {
            return 0.0;
        }
        // rise and fall over up to 30 s each, flat in between
        double edge = Math.min(30.0, (spikeEnd - spikeStart) / 4.0);
        double shape = Math.min(1.0, Math.min((t - spikeStart) / edge, (spikeEnd - t) / edge));
        return spikeKw * shape;
    }

    private void scheduleSpike(double after) {
        double gapS = -Math.log(1.0 - random.nextDouble()) * 3600.0 / spikes.perHour();
        spikeStart = after + gapS;
        spikeEnd = spikeStart + uniform(spikes.minS(), spikes.maxS());
        spikeKw = uniform(spikes.minKw(), spikes.maxKw());
    }

    private double uniform(double lo, double hi) {
        return hi > lo ? lo + (hi - lo) * random.nextDouble() : lo;
    }
}
