package io.plantd.controller.estimate;

/** In-place quickselect median over the first {@code n} entries (reorders them). */
final class Selection {
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
        int hi = n - 1;
        while (lo < hi) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }
}
