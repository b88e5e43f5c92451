package io.plantd.controller.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LoadForecasterTest {
    private static final double T0 = 1_780_000_000.0;

    @Test
    void stepIsCoveredByTheRampBoundNotExtrapolatedAsATrend() {
        LoadForecaster f = new LoadForecaster(300, 1);
        for (int i = 0; i < 4; i++) {
            f.add(T0 + i, 9250);
        }
        f.add(T0 + 4, 9400);
        Forecast fc = f.forecast(T0 + 4, 300);
        assertThat(fc.slopeKwPerS()).isCloseTo(0, within(1e-9));
        assertThat(fc.rampBoundKw()).isCloseTo(9550, within(1e-9));
        assertThat(fc.predictedKw()).isCloseTo(9550, within(1e-9));
    }

    @Test
    void aFewSecondsOfHistoryGiveNoTrend() {
        LoadForecaster f = new LoadForecaster(300, 1);
        double[] v = {9100, 9100, 9100, 9250};
        for (int i = 0; i < v.length; i++) {
            f.add(T0 + i, v[i]);
        }
        Forecast fc = f.forecast(T0 + 3, 300);
        assertThat(fc.slopeKwPerS()).isZero();
        assertThat(fc.predictedKw()).isCloseTo(9400, within(1e-9));
    }

    @Test
    void steadyRampIsExtrapolated() {
        LoadForecaster f = new LoadForecaster(300, 1);
        for (int i = 0; i <= 300; i++) {
            f.add(T0 + i, 5000 + 2.0 * i);
        }
        Forecast fc = f.forecast(T0 + 300, 300);
        assertThat(fc.slopeKwPerS()).isCloseTo(2.0, within(1e-6));
        assertThat(fc.trendKw()).isCloseTo(5600 + 600, within(1.0));
        assertThat(fc.predictedKw()).isCloseTo(6200, within(1.0));
    }

    @Test
    void noiseAndSpikesDoNotTiltTheTrend() {
        LoadForecaster f = new LoadForecaster(300, 1);
        Random rnd = new Random(7);
        for (int i = 0; i <= 300; i++) {
            double v = 5000 + rnd.nextGaussian() * 20 + (i % 50 == 0 ? 800 : 0);
            f.add(T0 + i, v);
        }
        Forecast fc = f.forecast(T0 + 300, 300);
        assertThat(fc.slopeKwPerS()).isBetween(-0.2, 0.2);
        assertThat(fc.levelKw()).isBetween(4980.0, 5040.0);
        // the spikes are in the ramp bound: a conservative upper estimate
        assertThat(fc.rampBoundKw()).isGreaterThan(fc.currentKw() + 700);
    }

    @Test
    void oldSamplesLeaveTheWindow() {
        LoadForecaster f = new LoadForecaster(60, 1);
        f.add(T0, 1000);
        f.add(T0 + 1, 3000);
        for (int i = 2; i < 200; i++) {
            f.add(T0 + i, 3000);
        }
        Forecast fc = f.forecast(T0 + 199, 300);
        assertThat(fc.rampBoundKw()).isEqualTo(3000);
        assertThat(fc.samples()).isLessThanOrEqualTo(62);
    }

    @Test
    void emptyHistoryHasNoPrediction() {
        assertThat(new LoadForecaster(60, 1).forecast(T0, 300).predictedKw()).isNaN();
    }

    @Test
    void incrementalRampBoundMatchesABruteForceScanOfTheSamples() {
        double window = 120;
        LoadForecaster f = new LoadForecaster(window, 1);
        Random rnd = new Random(11);
        java.util.List<double[]> seen = new java.util.ArrayList<>();
        double time = T0;
        double kw = 5000;
        double horizon = 30;
        for (int k = 0; k < 2_000; k++) {
            time += rnd.nextInt(10) == 0 ? 3 : 1;                  // occasional meter gaps
            kw += rnd.nextGaussian() * 15 + (rnd.nextInt(40) == 0 ? 250 : 0) - (rnd.nextInt(40) == 0 ? 250 : 0);
            f.add(time, kw);
            seen.add(new double[] {time, kw});
            if (k % 97 == 0) {
                horizon = 20 + rnd.nextInt(200);                    // horizon changes rebuild the bound
            }
            Forecast fc = f.forecast(time, horizon);
            double span = Math.min(horizon, window);
            double pairwise = 0;
            double endsInWindow = 0;
            for (int j = 0; j < seen.size(); j++) {
                double tj = seen.get(j)[0];
                if (tj < time - window) {
                    continue;
                }
                for (int i = 0; i <= j; i++) {
                    double ti = seen.get(i)[0];
                    if (ti >= tj - span) {
                        double rise = seen.get(j)[1] - seen.get(i)[1];
                        endsInWindow = Math.max(endsInWindow, rise);
                        if (ti >= time - window) {
                            pairwise = Math.max(pairwise, rise);
                        }
                    }
                }
            }
            double rampRise = fc.rampBoundKw() - fc.currentKw();
            // never below the pairwise scan of the window, never above the rises ending in it
            assertThat(rampRise).isGreaterThanOrEqualTo(pairwise - 1e-9).isLessThanOrEqualTo(endsInWindow + 1e-9);
            if (seen.size() > 400) {
                seen.remove(0);
            }
        }
    }

    @Test
    void slopeIsRefittedOncePerSegmentOfNewSamples() {
        LoadForecaster f = new LoadForecaster(240, 1);
        for (int i = 0; i <= 240; i++) {
            f.add(T0 + i, 5000 + 1.0 * i);
        }
        assertThat(f.forecast(T0 + 240, 300).slopeKwPerS()).isCloseTo(1.0, within(1e-6));
        // the load turns; within one segment (240/24 = 10 samples) the slope is still the fitted one
        double kw = 5240;
        for (int i = 241; i <= 480; i++) {
            kw += 3.0;
            f.add(T0 + i, kw);
            Forecast fc = f.forecast(T0 + i, 300);
            if (i == 249) {
                assertThat(fc.slopeKwPerS()).isCloseTo(1.0, within(1e-6));
            }
        }
        assertThat(f.forecast(T0 + 480, 300).slopeKwPerS()).isCloseTo(3.0, within(0.05));
    }
}
