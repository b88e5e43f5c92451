package io.plantd.controller.estimate;

/**
 * In-place quickselect median over the first {@code n} entries (reorders them).
 *
 * <p>The partition is branch-free: every element is swapped unconditionally and only the
 * boundary moves by the comparison, so the CPU does not mispredict on each element of noisy data
 * (a Hoare partition does, which made the forecaster's medians its main cost). Each round splits
 * the range around a median-of-three pivot; when nothing is below the pivot, the values equal to
 * it are taken off in a second sweep, so many equal values cost two passes instead of a quadratic
 * walk. The result is the same order statistic as sorting would give (for values that are not NaN).
 */
final class Selection {
    /** Ranges this short are finished by insertion sort. */
    private static final int SMALL = 8;

    private Selection() {
    }

    static double median(double[] a, int n) {
        return medianWithin(a, 0, n, n);
    }

    /**
     * Median of a[0..n) when its ranks k-1 and k (k = n/2) are known to lie in a[from..to) and
     * everything before {@code from} is smaller than everything from there on.
     */
    private static double medianWithin(double[] a, int from, int to, int n) {
        int k = n / 2;
        double upper = select(a, from, to, k);
        if (n % 2 == 1) {
            return upper;
        }
        // rank k-1 is the largest left of k (the part before from is smaller still)
        return (largest(a, from, k) + upper) / 2;
    }

    /**
     * The same value as {@link #median}, quicker when {@code hint} is close to the median (the
     * forecaster's level moves little from one second to the next). One branch-free pass moves
     * the values below the hint to the front; when that splits them at the middle give or take
     * one, the median is the largest or smallest one or two values of a side, found in one scan.
     * Otherwise the selection finishes. Reorders a[0..n); any hint (NaN too) gives the same result.
     */
    static double medianNear(double[] a, int n, double hint) {
        if (n < 2 || Double.isNaN(hint)) {
            return median(a, n);
        }
        int lt = 0;
        for (int i = 0; i < n; i++) {
            double v = a[i];
            a[i] = a[lt];
            a[lt] = v;
            lt += v < hint ? 1 : 0;
        }
        // ranks 0..lt-1 are in front; the median is rank k (odd n) or the mean of ranks k-1 and k
        int k = n / 2;
        boolean odd = n % 2 == 1;
        if (lt == k) {
            double upper = smallest(a, lt, n);
            return odd ? upper : (largest(a, 0, lt) + upper) / 2;
        }
        if (lt == k + 1) {
            return fromLargestTwo(a, 0, lt, odd);
        }
        if (lt == k - 1) {
            return fromSmallestTwo(a, lt, n, odd);
        }
        // the hint was further off: the selection goes on in the side that holds the middle
        return lt > k ? medianWithin(a, 0, lt, n) : medianWithin(a, lt, n, n);
    }

    private static double largest(double[] a, int from, int to) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            m = a[i] > m ? a[i] : m;
        }
        return m;
    }

    private static double smallest(double[] a, int from, int to) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = from; i < to; i++) {
            m = a[i] < m ? a[i] : m;
        }
        return m;
    }

    /** Ranks k-1 and k are the two largest of the range: rank k alone, or their mean. */
    private static double fromLargestTwo(double[] a, int from, int to, boolean odd) {
        double m0 = Double.NEGATIVE_INFINITY;
        double m1 = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            double v = a[i];
            if (v > m0) {
                m1 = m0;
                m0 = v;
            } else if (v > m1) {
                m1 = v;
            }
        }
        return odd ? m0 : (m1 + m0) / 2;
    }

    /** Ranks k-1 and k are the two smallest of the range: rank k alone, or their mean. */
    private static double fromSmallestTwo(double[] a, int from, int to, boolean odd) {
        double m0 = Double.POSITIVE_INFINITY;
        double m1 = Double.POSITIVE_INFINITY;
        for (int i = from; i < to; i++) {
            double v = a[i];
            if (v < m0) {
                m1 = m0;
                m0 = v;
            } else if (v < m1) {
                m1 = v;
            }
        }
        return odd ? m1 : (m0 + m1) / 2;
    }

    /** k-th smallest (0-based); afterwards a[0..k) ≤ a[k] ≤ a[k+1..n). */
    static double select(double[] a, int n, int k) {
        return select(a, 0, n, k);
    }

    /** k-th smallest of the whole array, searched in a[from..to) (from ≤ k < to); afterwards a[from..k) ≤ a[k] ≤ a[k+1..to). */
    private static double select(double[] a, int from, int to, int k) {
        int lo = from;
        int hi = to;
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
                hi = lt; // the pivot is not in there: the range shrinks
                continue;
            }
            if (lt > lo) {
                lo = lt;
                continue;
            }
            // nothing is below the pivot: take the values equal to it off the front (same sweep)
            int le = lo;
            for (int i = lo; i < hi; i++) {
                double v = a[i];
                a[i] = a[le];
                a[le] = v;
                le += v <= pivot ? 1 : 0;
            }
            if (le == lo) {
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
