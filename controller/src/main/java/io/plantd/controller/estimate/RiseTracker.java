package io.plantd.controller.estimate;

/**
 * The largest rise of a sampled value within any span no longer than {@code spanS}, among rises
 * that ended within the last {@code memoryS}. Per sample: its rise over the minimum of the span
 * before it (a sliding minimum), then the largest of those rises still remembered (a sliding
 * maximum); O(1) amortised per sample, preallocated, no clock.
 */
final class RiseTracker {
    private final double spanS;
    private final double memoryS;
    private final MonotonicDeque lows;
    private final MonotonicDeque rises;

    /**
     * @param lowCapacity  samples that fit in {@code spanS}
     * @param riseCapacity samples that fit in {@code memoryS}
     */
    RiseTracker(double spanS, double memoryS, int lowCapacity, int riseCapacity) {
        this.spanS = spanS;
        this.memoryS = memoryS;
        this.lows = new MonotonicDeque(Math.max(2, lowCapacity), false);
        this.rises = new MonotonicDeque(Math.max(2, riseCapacity), true);
    }

    double spanS() {
        return spanS;
    }

    /** Samples must come in time order. */
    void add(double timeS, double value) {
        lows.push(timeS, value);
        lows.dropBefore(timeS - spanS);
        rises.dropBefore(timeS - memoryS);
        rises.push(timeS, value - lows.front());
    }

    /** Largest remembered rise (0 when none: a sample's rise over itself). */
    double largest() {
        return rises.isEmpty() ? 0 : Math.max(0, rises.front());
    }

    void clear() {
        lows.clear();
        rises.clear();
    }
}
