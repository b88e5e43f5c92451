package io.plantd.controller.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Liveness and readiness from a {@link HealthSource}: {@code ok} plus the reasons when not. */
public record HealthVerdict(boolean ok, List<String> reasons) {
    /** A loop that missed this many periods is dead, not just late. */
    public static final int LIVE_PERIODS = 3;

    public HealthVerdict {
        reasons = List.copyOf(reasons);
    }

    /** Live: a cycle completed within {@link #LIVE_PERIODS} periods of {@code nowNanos}. */
    public static HealthVerdict liveness(HealthSource source, long nowNanos) {
        List<String> reasons = new ArrayList<>();
        checkLive(source, nowNanos, reasons);
        return new HealthVerdict(reasons.isEmpty(), reasons);
    }

    /** Ready: live, a cycle with a GOOD site meter has run, and the latest site reading is GOOD. */
    public static HealthVerdict readiness(HealthSource source, long nowNanos) {
        List<String> reasons = new ArrayList<>();
        checkLive(source, nowNanos, reasons);
        if (!source.firstGoodCycleDone()) {
            reasons.add("no cycle with a good site meter yet");
        } else if (!source.siteMeterFresh()) {
            reasons.add("site meter not fresh (stale, bad or missing)");
        }
        return new HealthVerdict(reasons.isEmpty(), reasons);
    }

    private static void checkLive(HealthSource source, long nowNanos, List<String> reasons) {
        OptionalLong last = source.lastCycleNanos();
        long limit = source.period().toNanos() * LIVE_PERIODS;
        if (last.isEmpty()) {
            reasons.add("no control cycle has run yet");
        } else if (nowNanos - last.getAsLong() > limit) {
            reasons.add("last control cycle ran " + (nowNanos - last.getAsLong()) / 1_000_000
                    + " ms ago, more than " + LIVE_PERIODS + " periods (" + limit / 1_000_000 + " ms)");
        }
    }

    /** The plain-text response body. */
    public String body() {
        return ok ? "ok\n" : String.join("\n", reasons) + "\n";
    }
}
