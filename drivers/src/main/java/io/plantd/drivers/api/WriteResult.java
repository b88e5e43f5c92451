package io.plantd.drivers.api;

import io.plantd.drivers.point.PointId;

/** The outcome of a write: {@code ok} only when the read-back matched the value written. */
public record WriteResult(PointId point, double requested, double readBack, boolean ok, String reason) {
    public static WriteResult verified(PointId point, double value, double readBack) {
        return new WriteResult(point, value, readBack, true, "verified by read-back");
    }

    public static WriteResult failed(PointId point, double value, String reason) {
        return new WriteResult(point, value, Double.NaN, false, reason);
    }
}
