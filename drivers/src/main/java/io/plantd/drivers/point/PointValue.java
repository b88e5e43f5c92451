package io.plantd.drivers.point;

import java.util.Objects;

/**
 * One sample: engineering value, quality with the reason when not GOOD, and the time it was
 * read from the device (epoch milliseconds of the injected clock).
 */
public record PointValue(double value, String unit, Quality quality, String reason, long timestampMillis) {
    public PointValue {
        Objects.requireNonNull(quality, "quality");
        unit = unit == null ? "" : unit;
        reason = reason == null ? "" : reason;
    }

    public static PointValue good(double value, String unit, long timestampMillis) {
        return new PointValue(value, unit, Quality.GOOD, "", timestampMillis);
    }

    public static PointValue bad(String unit, String reason, long timestampMillis) {
        return new PointValue(Double.NaN, unit, Quality.BAD, reason, timestampMillis);
    }

    public static PointValue missing(String reason) {
        return new PointValue(Double.NaN, "", Quality.MISSING, reason, 0L);
    }

    public boolean isGood() {
        return quality == Quality.GOOD;
    }

    /** The same sample marked STALE when it is older than {@code maxAgeMillis} at {@code nowMillis}. */
    public PointValue agedAt(long nowMillis, long maxAgeMillis) {
        if (quality != Quality.GOOD || maxAgeMillis <= 0 || nowMillis - timestampMillis <= maxAgeMillis) {
            return this;
        }
        return new PointValue(value, unit, Quality.STALE,
                "older than max age " + maxAgeMillis + " ms (" + (nowMillis - timestampMillis) + " ms)",
                timestampMillis);
    }
}
