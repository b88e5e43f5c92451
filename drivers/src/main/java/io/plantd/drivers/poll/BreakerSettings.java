package io.plantd.drivers.poll;

import java.time.Duration;

/**
 * Per-device circuit breaker sizing. The defaults suit a 1 Hz poll: the last 10 polls are the
 * window, 5 failures out of at least 5 polls open it (so a dead device costs about 5 s of
 * timeouts, not a minute), it stays open 15 s, then 2 probe polls decide whether to close.
 */
public record BreakerSettings(int windowSize, int minimumCalls, float failureRatePercent,
                              Duration openWait, int halfOpenProbes) {
    public static final BreakerSettings DEFAULT = new BreakerSettings(10, 5, 50f, Duration.ofSeconds(15), 2);

    public BreakerSettings {
        if (windowSize < 1 || minimumCalls < 1 || minimumCalls > windowSize) {
            throw new IllegalArgumentException("breaker window " + windowSize + " / minimum calls " + minimumCalls);
        }
        if (failureRatePercent <= 0 || failureRatePercent > 100) {
            throw new IllegalArgumentException("breaker failure rate must be in (0, 100], got " + failureRatePercent);
        }
        if (openWait.isNegative() || openWait.isZero() || halfOpenProbes < 1) {
            throw new IllegalArgumentException("breaker open wait and half-open probes must be positive");
        }
    }
}
