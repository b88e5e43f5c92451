package io.plantd.controller.estimate;

import java.util.OptionalLong;

/**
 * Notices a meter that keeps answering while its value has stopped moving (a hung meter CPU, a
 * gateway serving its last copy of the registers). The age check cannot see it: every poll
 * succeeds and is fresh. The site draw of a live plant never repeats bit for bit across
 * {@link #FROZEN_AFTER_MS} of polls, so a value that does is treated as stale (DESIGN §3: a bad
 * meter means the site is treated as overloaded). Fed one meter's GOOD samples; not thread-safe.
 */
final class FrozenValueDetector {
    /** Six times the default max age: any live meter moves within it; a real freeze lasts far longer. */
    static final long FROZEN_AFTER_MS = 30_000;

    private final long frozenAfterMs;
    private long lastBits;
    private long changedAtMs = Long.MIN_VALUE;

    FrozenValueDetector(long frozenAfterMs) {
        this.frozenAfterMs = frozenAfterMs;
    }

    /** How long the value has been unchanged at {@code sampleMs}, once that reaches the limit; else empty. */
    OptionalLong frozenForMs(double value, long sampleMs) {
        long bits = Double.doubleToLongBits(value);
        if (changedAtMs == Long.MIN_VALUE || bits != lastBits || sampleMs < changedAtMs) {
            lastBits = bits;
            changedAtMs = sampleMs;
            return OptionalLong.empty();
        }
        long unchanged = sampleMs - changedAtMs;
        return unchanged >= frozenAfterMs ? OptionalLong.of(unchanged) : OptionalLong.empty();
    }
}
