package io.plantd.controller.metrics;

import java.util.concurrent.atomic.AtomicLong;

/** A double the control thread sets and the scrape thread reads, without locks. */
final class AtomicDouble {
    private final AtomicLong bits;

    AtomicDouble(double initial) {
        bits = new AtomicLong(Double.doubleToRawLongBits(initial));
    }

    double get() {
        return Double.longBitsToDouble(bits.get());
    }

    void set(double value) {
        bits.set(Double.doubleToRawLongBits(value));
    }

    /** Keeps the larger of the current and the given value: for totals that must never go down. */
    void setMax(double value) {
        bits.accumulateAndGet(Double.doubleToRawLongBits(value),
                (cur, next) -> Double.longBitsToDouble(next) > Double.longBitsToDouble(cur) ? next : cur);
    }
}
