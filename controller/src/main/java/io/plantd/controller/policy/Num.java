package io.plantd.controller.policy;

/** Fast fixed-point formatting for decision details (String.format is too slow for the hot path). */
final class Num {
    private Num() {
    }

    /** Appends {@code v} rounded to one decimal. */
    static StringBuilder one(StringBuilder sb, double v) {
        if (Double.isNaN(v)) {
            return sb.append("NaN");
        }
        if (Double.isInfinite(v)) {
            return sb.append(v > 0 ? "inf" : "-inf");
        }
        long tenths = Math.round(v * 10);
        if (tenths < 0) {
            sb.append('-');
            tenths = -tenths;
        }
        return sb.append(tenths / 10).append('.').append(tenths % 10);
    }

    static StringBuilder whole(StringBuilder sb, double v) {
        return Double.isFinite(v) ? sb.append(Math.round(v)) : sb.append(v);
    }
}
