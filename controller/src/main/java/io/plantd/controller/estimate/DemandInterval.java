package io.plantd.controller.estimate;

/**
 * Running average of the site draw over the current demand interval (intervals aligned to
 * multiples of the interval length since the epoch, as utilities bill them), and its projection
 * to the interval end assuming the predicted draw holds for the rest of the interval.
 */
public final class DemandInterval {
    private final long intervalS;
    private long intervalIndex = Long.MIN_VALUE;
    private double energyKwS;
    private double coveredS;
    private double lastTimeS = Double.NaN;
    private double lastKw = Double.NaN;

    public DemandInterval(long intervalS) {
        if (intervalS <= 0) {
            throw new IllegalArgumentException("demand interval must be positive, was " + intervalS);
        }
        this.intervalS = intervalS;
    }

    /** Integrates a GOOD sample (trapezoid-free: the previous value holds until this sample). */
    public void add(double timeS, double kw) {
        long index = (long) Math.floor(timeS / intervalS);
        if (index != intervalIndex) {
            intervalIndex = index;
            energyKwS = 0;
            coveredS = 0;
            lastTimeS = index * (double) intervalS;
            if (Double.isNaN(lastKw)) {
                lastKw = kw;
            }
        }
        double dt = timeS - lastTimeS;
        if (dt > 0 && !Double.isNaN(lastKw)) {
            energyKwS += lastKw * dt;
            coveredS += dt;
        }
        lastTimeS = timeS;
        lastKw = kw;
    }

    /** Average over the part of the current interval seen so far (NaN before the first sample). */
    public double averageKw() {
        return coveredS > 0 ? energyKwS / coveredS : lastKw;
    }

    /** Projected interval average if {@code holdKw} is drawn from {@code nowS} to the interval end. */
    public double projectedKw(double nowS, double holdKw) {
        if (intervalIndex == Long.MIN_VALUE) {
            return holdKw;
        }
        double end = (intervalIndex + 1) * (double) intervalS;
        double remaining = Math.max(0, end - nowS);
        double seen = Math.max(0, intervalS - remaining);
        double seenEnergy = coveredS > 0 ? energyKwS / coveredS * seen : holdKw * seen;
        return (seenEnergy + holdKw * remaining) / intervalS;
    }
}
