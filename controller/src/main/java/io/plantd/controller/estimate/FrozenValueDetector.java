package io.plantd.controller.estimate;

/**
 * Spots a meter whose value stopped changing: a live site total always moves, so the same
 * reading for {@code limitMs} means the meter (or a gateway cache in front of it) is frozen and
 * must be treated like a stale one, not trusted as a steady load.
 */
public final class FrozenValueDetector {
    /** A minute of identical site readings at 1 Hz is far outside any real load's stillness. */
    public static final long DEFAULT_LIMIT_MS = 60_000;

    private final long limitMs;
    private double lastValue = Double.NaN;
    private long unchangedSinceMs;

    public FrozenValueDetector(long limitMs) {
        this.limitMs = limitMs;
    }

    /** Milliseconds the value has been frozen beyond the limit's start, or 0 while it moves. */
    public long frozenForMs(double value, long nowMs) {
        if (Double.compare(value, lastValue) != 0) {
            lastValue = value;
            unchangedSinceMs = nowMs;
            return 0;
        }
        long unchanged = nowMs - unchangedSinceMs;
        return unchanged >= limitMs ? unchanged : 0;
    }
}
