package io.plantd.drivers.poll;

import java.util.Objects;

/**
 * How often to poll one device and which bus it sits on. Devices sharing a bus (one serial line,
 * one gateway) share one executor so their requests never interleave on the wire; a blank bus
 * means the device is its own bus.
 */
public record PollSettings(long periodMs, String bus, BreakerSettings breaker) {
    public static final long DEFAULT_PERIOD_MS = 1000;

    public PollSettings {
        if (periodMs <= 0) {
            throw new IllegalArgumentException("pollPeriodMs must be > 0, got " + periodMs);
        }
        bus = bus == null ? "" : bus.strip();
        Objects.requireNonNull(breaker, "breaker");
    }

    public PollSettings(long periodMs, String bus) {
        this(periodMs, bus, BreakerSettings.DEFAULT);
    }

    /** The bus name this device's executor is keyed by. */
    public String busFor(String deviceId) {
        return bus.isEmpty() ? "device:" + deviceId : bus;
    }
}
