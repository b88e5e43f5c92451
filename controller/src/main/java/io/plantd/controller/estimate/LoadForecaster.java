package io.plantd.controller.estimate;

import java.util.Arrays;

/**
 * Predicts the site draw a lead time ahead from the last minutes of meter samples.
 *
 * <p>Trend: Theil–Sen (median of pairwise slopes) through at most {@value #POINTS} segment means
 * of the window, so single noisy or spiky samples neither tilt the line nor shift its level. The
 * slope is refitted each time one segment's worth of new samples has arrived (every 25 s with a
 * 600-s window at 1 s), which is when the segment means have moved by a whole segment; the level
 * (median residual at now) is recomputed every call. Refitting 276 pair slopes every second was
 * the estimator's main cost and a slope over ten minutes does not change within a segment.
 *
 * <p>Upper bound: the largest rise of the draw within any span no longer than the horizon (a
 * load that jumped that much within L before may do it again before an engine can take over).
 * It is kept incrementally: each sample's rise over the minimum of the span before it (a sliding
 * minimum), and the largest of those rises whose end is still in the window (a sliding maximum),
 * O(1) amortised per sample. A rise counts while its end is in the window even if its start has
 * just left it, so the bound is never lower than a pairwise scan of the window. A change of the
 * horizon rebuilds both from the window (an allocation only then). The result depends only on
 * the samples and calls, never on a clock.
 *
 * <p>Spike reserve (optional): the largest rise within a short span (a step, e.g. 30 s: faster
 * than any engine start) seen over a long memory (hours). The prediction never goes below the
 * current draw plus that step, so the site keeps room for a step of the size it has recently
 * shown even when the last window was calm. Rises are those of the samples given (the base load),
 * so plantd's own switching never inflates it.
 */
public final class LoadForecaster {
    static final int POINTS = 24;
    static final int MIN_TREND_SAMPLES = 10;

    private final double minTrendSpanS;
    private final SampleRing ring;
    private final double windowS;
    private final double[] segT = new double[POINTS];
    private final double[] segV = new double[POINTS];
    private final double[] pairSlopes = new double[POINTS * (POINTS - 1) / 2];
    private final double[] residuals = new double[POINTS];
    /** Where each segment starts in a window of {@link #boundsFor} samples (and where the last one ends). */
    private final int[] bounds = new int[POINTS + 1];
    private int boundsFor = -1;
    private final int capacity;
    /** Ramp bound: rises within the horizon ending in the window; null until the first forecast. */
    private RiseTracker ramp;
    /** Spike reserve: rises within a short span over a long memory; null when disabled. */
    private final RiseTracker spikes;
    private boolean fitted;
    private int addedSinceFit;
    private double slope;
    /** The last level: where the next one is searched first (it moves little in a second). */
    private double lastLevel = Double.NaN;

    /** A forecaster without a spike reserve. */
    public LoadForecaster(double windowS, double periodS) {
        this(windowS, periodS, 0, 0);
    }

    /**
     * @param windowS       history used for trend and ramp
     * @param periodS       nominal sample period (sizes the buffers)
     * @param spikeSpanS    spike reserve: rises within this span count as steps (0: no reserve)
     * @param spikeMemoryS  spike reserve: how long the largest such step is remembered (0: no reserve)
     */
    public LoadForecaster(double windowS, double periodS, double spikeSpanS, double spikeMemoryS) {
        if (windowS <= 0 || periodS <= 0 || spikeSpanS < 0 || spikeMemoryS < 0) {
            throw new IllegalArgumentException("window and period must be positive, spike span and memory not negative");
        }
        this.windowS = windowS;
        this.minTrendSpanS = Math.min(60, windowS / 2);
        int capacity = (int) Math.ceil(windowS / periodS) + 2;
        this.ring = new SampleRing(Math.max(capacity, 4));
        this.capacity = Math.max(capacity, 4);
        this.spikes = spikeSpanS > 0 && spikeMemoryS > 0
                ? new RiseTracker(spikeSpanS, spikeMemoryS, (int) Math.ceil(spikeSpanS / periodS) + 2,
                        (int) Math.ceil(spikeMemoryS / periodS) + 2)
                : null;
    }

    /** Adds a GOOD meter sample; samples must come in time order. */
    public void add(double timeS, double kw) {
        if (ring.size() > 0 && timeS <= ring.time(ring.size() - 1)) {
            return;
        }
        ring.add(timeS, kw);
        ring.dropBefore(timeS - windowS);
        addedSinceFit++;
        if (ramp != null) {
            ramp.add(timeS, kw);
        }
        if (spikes != null) {
            spikes.add(timeS, kw);
        }
    }

    public int samples() {
        return ring.size();
    }

    /** Forecast at {@code nowS + horizonS}; NaN fields when there is no sample at all. */
    public Forecast forecast(double nowS, double horizonS) {
        int n = ring.size();
        if (n == 0) {
            return new Forecast(Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, horizonS, 0,
                    Double.NaN);
        }
        double current = ring.value(n - 1);
        double level = current;
        double slopeNow = 0;
        // a slope from a few seconds of history extrapolates any step L seconds ahead: until the
        // history spans a minimum, only the ramp bound looks ahead
        if (n >= MIN_TREND_SAMPLES && ring.time(n - 1) - ring.time(0) >= minTrendSpanS) {
            int points = segmentMeans(n);
            if (!fitted || addedSinceFit >= Math.max(1, n / POINTS)) {
                slope = medianSlope(points);
                fitted = true;
                addedSinceFit = 0;
            }
            slopeNow = slope;
            level = robustLevel(points, slope, nowS);
        } else {
            fitted = false;
        }
        double trend = level + slopeNow * horizonS;
        double rampBound = current + largestRise(horizonS);
        double reserve = spikes == null ? 0 : spikes.largest();
        double predicted = Math.max(Math.max(current + reserve, trend), rampBound);
        return new Forecast(current, level, slopeNow, trend, rampBound, predicted, horizonS, n, reserve);
    }

    /** Means of {@code points} consecutive runs of the window's samples, summed in place in the ring. */
    private int segmentMeans(int n) {
        int points = Math.min(POINTS, n);
        if (n != boundsFor) {
            // integer divisions, so done only when the sample count changes (rarely, once the window is full)
            for (int p = 0; p <= points; p++) {
                bounds[p] = (int) ((long) p * n / points);
            }
            boundsFor = n;
        }
        double[] t = ring.times();
        double[] v = ring.values();
        int first = ring.first();
        for (int p = 0; p < points; p++) {
            int from = first + bounds[p];
            int to = first + bounds[p + 1];
            double st = 0;
            double sv = 0;
            for (int i = from; i < to; i++) {
                st += t[i];
                sv += v[i];
            }
            segT[p] = st / (to - from);
            segV[p] = sv / (to - from);
        }
        return points;
    }

    private double medianSlope(int points) {
        int k = 0;
        for (int i = 0; i < points; i++) {
            for (int j = i + 1; j < points; j++) {
                double dt = segT[j] - segT[i];
                if (dt > 0) {
                    pairSlopes[k++] = (segV[j] - segV[i]) / dt;
                }
            }
        }
        return k == 0 ? 0 : Selection.median(pairSlopes, k);
    }

    private double robustLevel(int points, double slope, double nowS) {
        for (int i = 0; i < points; i++) {
            residuals[i] = segV[i] - slope * (segT[i] - nowS);
        }
        lastLevel = Selection.medianNear(residuals, points, lastLevel);
        return lastLevel;
    }

    /** Largest rise within any span ≤ horizon (and ≤ window) ending in the window; never negative. */
    private double largestRise(double horizonS) {
        double span = Math.min(horizonS, windowS);
        if (ramp == null || span != ramp.spanS()) {
            ramp = new RiseTracker(span, windowS, capacity, capacity);
            for (int i = 0; i < ring.size(); i++) {
                ramp.add(ring.time(i), ring.value(i));
            }
        }
        return ramp.largest();
    }

    /** Forgets the history (for example after the meter was replaced). */
    public void reset() {
        ring.clear();
        ramp = null;
        if (spikes != null) {
            spikes.clear();
        }
        fitted = false;
        addedSinceFit = 0;
        lastLevel = Double.NaN;
        Arrays.fill(segT, 0);
    }
}
