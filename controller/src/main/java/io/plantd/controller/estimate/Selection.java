package io.plantd.controller.estimate;

/**
 * In-place quickselect median over the first {@code n} entries (reorders them).
 *
 * <p>The partition is branch-free: every element is swapped unconditionally and only the
 * boundary moves by the comparison, so the CPU does not mispredict on each element of noisy data
 * (a Hoare partition does, which made the forecaster's medians its main cost). Each round splits
 * the range three ways around a median-of-three pivot: below, equal, above; equal runs end the
 * search at once, so many equal values cost one pass instead of a quadratic walk. The result is
 * the same order statistic as sorting would give (for values that are not NaN).
 */
final class Selection {
    /** Ranges this short are finished by insertion sort. */
    private static final int SMALL = 8;

    private Selection() {
    }

    static double median(double[] a, int n) {
        if (n % 2 == 1) {
            return select(a, n, n / 2);
        }
        double upper = select(a, n, n / 2);
        double lower = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n / 2; i++) {
            if (a[i] > lower) {
                lower = a[i];
            }
        }
        return (lower + upper) / 2;
    }

    /** k-th smallest (0-based); afterwards a[0..k) ≤ a[k] ≤ a[k+1..n). */
    static double select(double[] a, int n, int k) {
        int lo = 0;
        int hi = n;
        while (hi - lo > SMALL) {
            double pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi - 1]);
            // [lo, lt) < pivot: swap every element, advance the boundary only for the smaller ones
            int lt = lo;
            for (int i = lo; i < hi; i++) {
                double v = a[i];
                a[i] = a[lt];
                a[lt] = v;
                lt += v < pivot ? 1 : 0;
            }
            if (k < lt) {
                hi = lt;
                continue;
            }
            // [lt, le) == pivot: the same sweep over what is not smaller
            int le = lt;
            for (int i = lt; i < hi; i++) {
                double v = a[i];
                a[i] = a[le];
                a[le] = v;
                le += v <= pivot ? 1 : 0;
            }
            if (le == lt) {
                break; // a NaN pivot separates nothing: sort what is left
            }
            if (k < le) {
                return a[k];
            }
            lo = le;
        }
        insertionSort(a, lo, hi);
        return a[k];
    }

    private static double medianOfThree(double x, double y, double z) {
        if (x < y) {
            return y < z ? y : (x < z ? z : x);
        }
        return x < z ? x : (y < z ? z : y);
    }

    private static void insertionSort(double[] a, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            double v = a[i];
            int j = i - 1;
            while (j >= from && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }
}
