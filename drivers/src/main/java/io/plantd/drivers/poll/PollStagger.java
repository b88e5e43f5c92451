package io.plantd.drivers.poll;

import java.time.Duration;

/**
 * Where in its period each device's poll grid starts. Device {@code k} of {@code n} starts
 * {@code k/n} of the way into the first tenth of its own period, so:
 * <ul>
 *   <li>polls never all fire in the same millisecond: 50 devices at 1 s start 2 ms apart, not as
 *       one burst of 100 requests that delays whatever else wants a core (the control tick);</li>
 *   <li>the whole wave is over early in the period, so a consumer that ticks later in the period
 *       (the control loop, {@link #TICK_DIVISOR a fifth} of a period in) reads values this
 *       period's polls delivered, without colliding with them.</li>
 * </ul>
 * Pure and deterministic: the phase depends only on the device's index, the device count and its
 * period.
 */
public final class PollStagger {
    /** Every device's first poll falls within the first 1/10 of its period. */
    public static final int WINDOW_DIVISOR = 10;
    /** Where a consumer of the whole image should tick: 1/5 of the period, after the poll window. */
    public static final int TICK_DIVISOR = 5;

    private PollStagger() {
    }

    /** How long after the bus's start device {@code index} (0-based, of {@code count}) polls first. */
    public static long phaseNanos(int index, int count, long periodNanos) {
        if (count <= 0 || index < 0 || index >= count) {
            throw new IllegalArgumentException("device index " + index + " of " + count);
        }
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("poll period must be > 0, got " + periodNanos + " ns");
        }
        // index/count < 1, so the phase stays below the window: no overflow for any sane period
        return Math.round((double) periodNanos / WINDOW_DIVISOR * index / count);
    }

    /**
     * How far into a period of {@code period} a consumer should tick to follow the poll wave of
     * devices polled at that same period.
     */
    public static Duration tickPhase(Duration period) {
        return period.dividedBy(TICK_DIVISOR);
    }
}
