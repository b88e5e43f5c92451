package io.plantd.controller.cycle;

import java.time.Instant;

/**
 * An active condition an operator must see. {@code id} is stable (for example
 * {@code meter-stale} or {@code engine-lockout-ch1}) so that MQTT can retain and clear it.
 */
public record Alarm(String id, Severity severity, String message, Instant since) {
    public enum Severity {
        WARNING,
        CRITICAL
    }
}
