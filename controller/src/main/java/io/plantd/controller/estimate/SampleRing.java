package io.plantd.controller.estimate;

/**
 * Fixed-capacity ring of (time, value) samples, oldest first. Preallocated so the estimator
 * allocates nothing per cycle.
 */
public final class SampleRing {
    private final double[] times;
    private final double[] values;
    private int start;
    private int size;

    public SampleRing(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2, was " + capacity);
        }
        times = new double[capacity];
        values = new double[capacity];
    }

    public void add(double timeS, double value) {
        int capacity = times.length;
        int slot = (start + size) % capacity;
        if (size == capacity) {
            start = (start + 1) % capacity;
        } else {
            size++;
        }
        times[slot] = timeS;
        values[slot] = value;
    }

    /** Drops samples older than {@code oldestTimeS}. */
    public void dropBefore(double oldestTimeS) {
        while (size > 0 && times[start] < oldestTimeS) {
            start = (start + 1) % times.length;
            size--;
        }
    }

    public int size() {
        return size;
    }

    public double time(int i) {
        return times[(start + i) % times.length];
    }

    public double value(int i) {
        return values[(start + i) % times.length];
    }

    /** Copies the samples, oldest first, into {@code t} and {@code v} (at least {@link #size()} long). */
    public void copyTo(double[] t, double[] v) {
        int capacity = times.length;
        int first = Math.min(size, capacity - start);
        System.arraycopy(times, start, t, 0, first);
        System.arraycopy(values, start, v, 0, first);
        System.arraycopy(times, 0, t, first, size - first);
        System.arraycopy(values, 0, v, first, size - first);
    }

    public void clear() {
        start = 0;
        size = 0;
    }
}
