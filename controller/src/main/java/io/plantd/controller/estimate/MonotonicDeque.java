package io.plantd.controller.estimate;

/**
 * Time-ordered (time, value) candidates for a sliding-window extreme: a new sample evicts every
 * newer-side entry it dominates, so the front is always the extreme of what is left. Preallocated;
 * when full, the oldest entry is dropped (as the sample ring drops its oldest sample).
 */
final class MonotonicDeque {
    private final boolean keepMax;
    private final double[] times;
    private final double[] values;
    private int head;
    private int size;

    /** @param keepMax true: the front is the largest value; false: the smallest */
    MonotonicDeque(int capacity, boolean keepMax) {
        this.keepMax = keepMax;
        this.times = new double[capacity];
        this.values = new double[capacity];
    }

    void push(double timeS, double value) {
        while (size > 0) {
            double back = values[(head + size - 1) % values.length];
            if (keepMax ? back <= value : back >= value) {
                size--;
            } else {
                break;
            }
        }
        if (size == values.length) {
            head = (head + 1) % values.length;
            size--;
        }
        int slot = (head + size) % values.length;
        times[slot] = timeS;
        values[slot] = value;
        size++;
    }

    /** Drops entries older than {@code oldestTimeS}. */
    void dropBefore(double oldestTimeS) {
        while (size > 0 && times[head] < oldestTimeS) {
            head = (head + 1) % values.length;
            size--;
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The extreme value (the deque must not be empty). */
    double front() {
        return values[head];
    }

    void clear() {
        head = 0;
        size = 0;
    }
}
