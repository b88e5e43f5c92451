package io.plantd.controller.estimate;

import java.util.Arrays;

/**
 * Predicts the site draw a lead time ahead from the last minutes of meter samples.
 *
 * <p>Trend: Theil–Sen (median of pairwise slopes) through at most {@value #POINTS} segment means
 * of the window, so single noisy or spiky samples neither tilt the line nor shift its level.
 * Upper bound: the largest rise of the draw within any span no longer than the horizon, found
 * with a monotonic deque in one pass (a load that jumped that much within L before may do it
 * again before an engine can take over). All buffers are preallocated.
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
    private final int[] deque;
    private final double[] t;
    private final double[] v;

    /**
     * @param windowS  history used for trend and ramp
     * @param periodS  nominal sample period (sizes the ring)
     */
    public LoadForecaster(double windowS, double periodS) {
        if (windowS <= 0 || periodS <= 0) {
            throw new IllegalArgumentException("window and period must be positive");
        }
        this.windowS = windowS;
        this.minTrendSpanS = Math.min(60, windowS / 2);
        int capacity = (int) Math.ceil(windowS / periodS) + 2;
        this.ring = new SampleRing(Math.max(capacity, 4));
        this.deque = new int[Math.max(capacity, 4)];
        this.t = new double[Math.max(capacity, 4)];
        this.v = new double[Math.max(capacity, 4)];
    }

    /** Adds a GOOD meter sample; samples must come in time order. */
    public void add(double timeS, double kw) {
        if (ring.size() > 0 && timeS <= ring.time(ring.size() - 1)) {
            return;
        }
        ring.add(timeS, kw);
        ring.dropBefore(timeS - windowS);
    }

    public int samples() {
        return ring.size();
    }

    /** Forecast at {@code nowS + horizonS}; NaN fields when there is no sample at all. */
    public Forecast forecast(double nowS, double horizonS) {
        int n = ring.size();
        if (n == 0) {
            return new Forecast(Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, horizonS, 0);
        }
        ring.copyTo(t, v);
        double current = v[n - 1];
        double level = current;
        double slope = 0;
        // a slope from a few seconds of history extrapolates any step L seconds ahead: until the
        // history spans a minimum, only the ramp bound looks ahead
        if (n >= MIN_TREND_SAMPLES && t[n - 1] - t[0] >= minTrendSpanS) {
            int points = segmentMeans(n);
            slope = medianSlope(points);
            level = robustLevel(points, slope, nowS);
        }
        double trend = level + slope * horizonS;
        double ramp = current + largestRise(n, horizonS);
        double predicted = Math.max(current, Math.max(trend, ramp));
        return new Forecast(current, level, slope, trend, ramp, predicted, horizonS, n);
    }

    private int segmentMeans(int n) {
        int points = Math.min(POINTS, n);
        for (int p = 0; p < points; p++) {
            int from = (int) ((long) p * n / points);
            int to = (int) ((long) (p + 1) * n / points);
            double st = 0;
            double sv = 0;
            for (int i = from; i < to; i++) {
                st += t[i];
                sv += v[i];
            }
            int count = to - from;
            segT[p] = st / count;
            segV[p] = sv / count;
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
        return Selection.median(residuals, points);
    }

    /** max over i ≤ j with t_j − t_i ≤ span of (v_j − v_i), via a sliding-window minimum. */
    private double largestRise(int n, double span) {
        int head = 0;
        int tail = 0;
        double best = 0;
        for (int j = 0; j < n; j++) {
            double tj = t[j];
            double vj = v[j];
            while (tail > head && v[deque[tail - 1]] >= vj) {
                tail--;
            }
            deque[tail++] = j;
            while (tj - t[deque[head]] > span) {
                head++;
            }
            double rise = vj - v[deque[head]];
            if (rise > best) {
                best = rise;
            }
        }
        return best;
    }

    /** Forgets the history (for example after the meter was replaced). */
    public void reset() {
        ring.clear();
        Arrays.fill(segT, 0);
    }
}
