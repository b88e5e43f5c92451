package io.plantd.controller.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The branch-free quickselect gives what sorting gives, whatever the values (NaN aside). */
class SelectionPropertiesTest {

    /** Noisy values, runs of equal values, both zeros, infinities, sorted and reversed runs. */
    @Provide
    Arbitrary<double[]> arrays() {
        Arbitrary<Double> noisy = Arbitraries.doubles().between(-1e4, 1e4);
        Arbitrary<Double> few = Arbitraries.of(-2.0, -0.0, 0.0, 1.5, 7.0);
        Arbitrary<Double> extreme = Arbitraries.of(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE);
        Arbitrary<Double> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, noisy), net.jqwik.api.Tuple.of(3, few), net.jqwik.api.Tuple.of(1, extreme));
        return value.list().ofMinSize(1).ofMaxSize(300).map(l -> l.stream().mapToDouble(Double::doubleValue).toArray())
                .flatMap(a -> Arbitraries.of(Order.values()).map(o -> o.apply(a)));
    }

    enum Order {
        AS_DRAWN, SORTED, REVERSED;

        double[] apply(double[] a) {
            double[] c = a.clone();
            if (this != AS_DRAWN) {
                Arrays.sort(c);
            }
            if (this == REVERSED) {
                for (int i = 0, j = c.length - 1; i < j; i++, j--) {
                    double t = c[i];
                    c[i] = c[j];
                    c[j] = t;
                }
            }
            return c;
        }
    }

    @Property(tries = 3000)
    void selectFindsTheSortedOrderStatisticAndPartitionsAroundIt(@ForAll("arrays") double[] values,
                                                                  @ForAll double where) {
        int n = values.length;
        int k = (int) Math.min(n - 1, Math.floor(Math.abs(where % 1.0) * n));
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] a = values.clone();

        double kth = Selection.select(a, n, k);

        assertThat(kth == sorted[k]).as("k=%d of %s: got %s, sorted gives %s", k, Arrays.toString(values), kth,
                sorted[k]).isTrue();
        assertThat(a[k] == kth).isTrue();
        for (int i = 0; i < k; i++) {
            assertThat(a[i] <= a[k]).as("a[%d]=%s left of a[k]=%s", i, a[i], a[k]).isTrue();
        }
        for (int i = k + 1; i < n; i++) {
            assertThat(a[i] >= a[k]).as("a[%d]=%s right of a[k]=%s", i, a[i], a[k]).isTrue();
        }
        double[] after = a.clone();
        Arrays.sort(after);
        assertThat(after).as("only reordered").isEqualTo(sorted);
    }

    @Property(tries = 3000)
    void medianIsTheMedianOfTheSortedValues(@ForAll("arrays") double[] values) {
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;

        double median = Selection.median(values.clone(), n);

        // == rather than equals: a median of a +0.0 and a -0.0 may come out with either sign
        assertThat(median == expected || (Double.isNaN(median) && Double.isNaN(expected)))
                .as("median of %s: got %s, sorted gives %s", Arrays.toString(values), median, expected).isTrue();
    }

    @Property(tries = 3000)
    void medianNearAHintIsTheMedianWhateverTheHint(@ForAll("arrays") double[] values, @ForAll double pick,
                                                   @ForAll double jitter) {
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        // hints on a value, between neighbours, off the ends, NaN, infinite
        int at = (int) Math.min(n - 1, Math.floor(Math.abs(pick % 1.0) * n));
        double[] hints = {sorted[at], sorted[n / 2], sorted[(n - 1) / 2], expected, sorted[at] + jitter,
            Math.nextUp(sorted[n / 2]), Math.nextDown(sorted[n / 2]), Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, jitter};
        for (double hint : hints) {
            double median = Selection.medianNear(values.clone(), n, hint);
            assertThat(median == expected || (Double.isNaN(median) && Double.isNaN(expected)))
                    .as("median of %s near %s: got %s, sorted gives %s", Arrays.toString(values), hint, median,
                            expected).isTrue();
        }
    }

    @Test
    void onlyThePrefixIsLookedAt() {
        double[] a = {5, 1, 4, 2, 3, -100, -100, -100};
        assertThat(Selection.median(a, 5)).isEqualTo(3);
        assertThat(Selection.medianNear(a, 5, 2.5)).isEqualTo(3);
        assertThat(Arrays.copyOfRange(a, 5, 8)).containsExactly(-100, -100, -100);
    }

    @Test
    void aNaNDoesNotHangTheSearch() {
        for (List<Double> l : List.of(List.of(Double.NaN, 1.0, 2.0), List.of(3.0, Double.NaN, 1.0, Double.NaN, 2.0))) {
            double[] a = new double[40];
            for (int i = 0; i < a.length; i++) {
                a[i] = l.get(i % l.size());
            }
            Selection.median(a, a.length); // terminates; the value with NaNs in the data is unspecified
        }
    }
}
