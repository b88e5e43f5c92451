package io.plantd.controller.estimate;

/**
 * Fixed-capacity ring of (time, value) samples, oldest first. Preallocated so the estimator
 * allocates nothing per cycle.
 *
 * <p>Every sample is stored twice, at its slot and one capacity further on, so the samples from
 * oldest to newest are always one contiguous run of the backing arrays ({@link #times()} and
 * {@link #values()} from {@link #first()}): the forecaster sums them in place instead of copying
 * the window out every cycle.
 */
public final class SampleRing {
    private final int capacity;
    private final double[] times;
    private final double[] values;
    private int start;
    private int size;

    public SampleRing(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2, was " + capacity);
        }
        this.capacity = capacity;
        times = new double[2 * capacity];
        values = new double[2 * capacity];
    }

    public void add(double timeS, double value) {
        int slot = start + size;
        if (slot >= capacity) {
            slot -= capacity;
        }
        if (size == capacity) {
            start = start + 1 == capacity ? 0 : start + 1;
        } else {
            size++;
        }
        times[slot] = timeS;
        values[slot] = value;
        times[slot + capacity] = timeS;
        values[slot + capacity] = value;
    }

    /** Drops samples older than {@code oldestTimeS}. */
    public void dropBefore(double oldestTimeS) {
        while (size > 0 && times[start] < oldestTimeS) {
            start = start + 1 == capacity ? 0 : start + 1;
            size--;
        }
    }

    public int size() {
        return size;
    }

    public double time(int i) {
        return times[start + i];
    }

    public double value(int i) {
        return values[start + i];
    }

    /** Backing times: sample i (0 = oldest) is at {@code first() + i}; read only, valid until the next change. */
    double[] times() {
        return times;
    }

    /** Backing values, indexed like {@link #times()}. */
    double[] values() {
        return values;
    }

    /** Index in {@link #times()} and {@link #values()} of the oldest sample. */
    int first() {
        return start;
    }

    /** Copies the samples, oldest first, into {@code t} and {@code v} (at least {@link #size()} long). */
    public void copyTo(double[] t, double[] v) {
        System.arraycopy(times, start, t, 0, size);
        System.arraycopy(values, start, v, 0, size);
    }

    public void clear() {
        start = 0;
        size = 0;
    }
}
