package io.plantd.controller.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The forecaster's trend, computed with the fast paths (interleaved segment sums, branch-free
 * selection), is bit for bit the trend of a plain reading of its definition: samples of the
 * window, segment means summed one sample after the other, medians taken from sorted copies, the
 * slope refitted once a segment's worth of samples has arrived.
 */
class LoadForecasterMatchesPlainReferenceTest {
    private static final double T0 = 1_780_000_000.0;

    /** The definition, written for clarity only. */
    static final class PlainTrend {
        final double windowS;
        final int capacity;
        final List<double[]> samples = new ArrayList<>();
        boolean fitted;
        int addedSinceFit;
        double slope;

        PlainTrend(double windowS, double periodS) {
            this.windowS = windowS;
            this.capacity = Math.max((int) Math.ceil(windowS / periodS) + 2, 4);
        }

        void add(double t, double kw) {
            if (!samples.isEmpty() && t <= samples.get(samples.size() - 1)[0]) {
                return;
            }
            samples.add(new double[] {t, kw});
            if (samples.size() > capacity) {
                samples.remove(0);
            }
            samples.removeIf(s -> s[0] < t - windowS);
            addedSinceFit++;
        }

        /** {level, slope}, or null when the history is too short for a trend. */
        double[] trend(double nowS) {
            int n = samples.size();
            double minSpan = Math.min(60, windowS / 2);
            if (n < LoadForecaster.MIN_TREND_SAMPLES || samples.get(n - 1)[0] - samples.get(0)[0] < minSpan) {
                fitted = false;
                return null;
            }
            int points = Math.min(LoadForecaster.POINTS, n);
            double[] segT = new double[points];
            double[] segV = new double[points];
            for (int p = 0; p < points; p++) {
                int from = (int) ((long) p * n / points);
                int to = (int) ((long) (p + 1) * n / points);
                double st = 0;
                double sv = 0;
                for (int i = from; i < to; i++) {
                    st += samples.get(i)[0];
                    sv += samples.get(i)[1];
                }
                segT[p] = st / (to - from);
                segV[p] = sv / (to - from);
            }
            if (!fitted || addedSinceFit >= Math.max(1, n / LoadForecaster.POINTS)) {
                List<Double> slopes = new ArrayList<>();
                for (int i = 0; i < points; i++) {
                    for (int j = i + 1; j < points; j++) {
                        double dt = segT[j] - segT[i];
                        if (dt > 0) {
                            slopes.add((segV[j] - segV[i]) / dt);
                        }
                    }
                }
                slope = slopes.isEmpty() ? 0 : sortedMedian(slopes.stream().mapToDouble(Double::doubleValue).toArray());
                fitted = true;
                addedSinceFit = 0;
            }
            double[] residuals = new double[points];
            for (int i = 0; i < points; i++) {
                residuals[i] = segV[i] - slope * (segT[i] - nowS);
            }
            return new double[] {sortedMedian(residuals), slope};
        }

        static double sortedMedian(double[] a) {
            double[] s = a.clone();
            Arrays.sort(s);
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }
    }

    @ParameterizedTest
    @CsvSource({"300, 1, 1", "300, 1, 2", "600, 1, 3", "60, 1, 4", "120, 2, 5", "300, 0.5, 6"})
    void trendMatchesThePlainDefinitionBitForBit(double windowS, double periodS, long seed) {
        LoadForecaster fast = new LoadForecaster(windowS, periodS, 30, 3600);
        PlainTrend plain = new PlainTrend(windowS, periodS);
        Random rnd = new Random(seed);
        double t = T0;
        double kw = 6000;
        int compared = 0;
        for (int k = 0; k < 20_000; k++) {
            // steady seconds, meter gaps, bursts faster than the period, flat stretches, steps
            int kind = rnd.nextInt(100);
            t += kind < 3 ? 2 + rnd.nextInt(30) : kind < 5 ? periodS / 4 : periodS;
            if (k % 2000 < 150) {
                kw = Math.rint(kw);
            } else {
                kw += rnd.nextGaussian() * 15 + (rnd.nextInt(300) == 0 ? 250 : 0) - (rnd.nextInt(300) == 0 ? 250 : 0)
                        + Math.sin(k / 500.0) * 2;
            }
            if (rnd.nextInt(50) != 0) {
                fast.add(t, kw);
                plain.add(t, kw);
            }
            if (rnd.nextInt(20) == 0) {
                continue; // a cycle without a forecast: samples accumulate toward the next refit
            }
            Forecast f = fast.forecast(t, 300);
            double[] expected = plain.trend(t);
            if (expected == null) {
                assertThat(f.slopeKwPerS()).isZero();
                continue;
            }
            assertThat(Double.doubleToRawLongBits(f.levelKw())).as("level at sample %d", k)
                    .isEqualTo(Double.doubleToRawLongBits(expected[0]));
            assertThat(Double.doubleToRawLongBits(f.slopeKwPerS())).as("slope at sample %d", k)
                    .isEqualTo(Double.doubleToRawLongBits(expected[1]));
            assertThat(Double.doubleToRawLongBits(f.trendKw()))
                    .isEqualTo(Double.doubleToRawLongBits(expected[0] + expected[1] * 300));
            compared++;
        }
        assertThat(compared).isGreaterThan(15_000);
    }
}
