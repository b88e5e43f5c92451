package io.plantd.drivers.poll;

import java.util.EnumMap;
import java.util.Map;

/** Per-device poll counters, written by the device's bus thread and read from anywhere. */
public final class DeviceStats {

    /** A consistent copy of the counters. {@code up} is whether the last poll reached the device. */
    public record Snapshot(String device, long polls, long failures, Map<FailureKind, Long> failuresByKind,
                           long lastLatencyNanos, boolean up, String lastFailure) {
        public Snapshot {
            failuresByKind = Map.copyOf(failuresByKind);
        }
    }

    private final String device;
    private long polls;
    private long failures;
    private final EnumMap<FailureKind, Long> failuresByKind = new EnumMap<>(FailureKind.class);
    private long lastLatencyNanos;
    private boolean up;
    private String lastFailure = "";

    DeviceStats(String device) {
        this.device = device;
    }

    synchronized void succeeded(long latencyNanos) {
        polls++;
        lastLatencyNanos = latencyNanos;
        up = true;
    }

    synchronized void failed(FailureKind kind, String reason, long latencyNanos) {
        polls++;
        failures++;
        failuresByKind.merge(kind, 1L, Long::sum);
        if (kind != FailureKind.CIRCUIT_OPEN) {
            lastLatencyNanos = latencyNanos;
        }
        up = false;
        lastFailure = reason;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(device, polls, failures, new EnumMap<>(failuresByKind), lastLatencyNanos, up, lastFailure);
    }
}
