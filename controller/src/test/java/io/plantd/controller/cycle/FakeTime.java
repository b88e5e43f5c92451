package io.plantd.controller.cycle;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A monotonic ticker, a sleeper that advances it instead of waiting, and a wall clock that follows it. */
public final class FakeTime implements Ticker, Sleeper {
    public static final Instant EPOCH = Instant.parse("2026-07-01T12:00:00Z");
    private long nanos = 1_000_000_000L;
    private final long startNanos = nanos;

    @Override
    public synchronized long nanos() {
        return nanos;
    }

    @Override
    public synchronized void sleepNanos(long n) {
        nanos += n;
    }

    public synchronized void advance(long n) {
        nanos += n;
    }

    /** Nanoseconds since this fake started. */
    public synchronized long elapsed() {
        return nanos - startNanos;
    }

    public Clock clock() {
        FakeTime self = this;
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return EPOCH.plusNanos(self.elapsed());
            }
        };
    }
}
