package io.plantd.app.soak;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a soak measured. {@code controllerOverCapS} are the seconds over the cap with no excuse:
 * no fault active or recovering (fault end + {@link SoakRun#RECOVERY_S}), no daemon restart gap
 * recovering, and some engine still able to take load.
 */
public record SoakReport(
        String scenario,
        long seed,
        long seconds,
        long cycles,
        long missedCycles,
        long maxStepMicros,
        long overCapS,
        long overCapExcusedS,
        long controllerOverCapS,
        long overCapNoEngineS,
        double maxOverCapKw,
        long engineStarts,
        long startsOverLimit,
        int restarts,
        int conservativeRestores,
        List<Double> heapMbPerDay,
        double heapSlopeMbPerDay,
        List<FaultOutcome> faults,
        long alarmsRaised,
        Map<String, Long> raisedById,
        double wallSeconds) {

    /** Per fault kind: injected, exercised (the fault could have an effect) and alarmed. */
    public record FaultOutcome(Fault.Kind kind, int injected, int exercised, int alarmed) {
    }

    public SoakReport {
        heapMbPerDay = List.copyOf(heapMbPerDay);
        faults = List.copyOf(faults);
        raisedById = Map.copyOf(raisedById);
    }

    public int faultsInjected() {
        return faults.stream().mapToInt(FaultOutcome::injected).sum();
    }

    public String toMarkdown(String command) {
        StringBuilder b = new StringBuilder();
        b.append("| measure | value |\n|---|---|\n");
        row(b, "command", "`" + command + "`");
        row(b, "scenario", scenario + " (seed " + seed + ")");
        row(b, "simulated", String.format(Locale.ROOT, "%.1f days (%d s), %d cycles, %.0f s wall",
                seconds / 86_400.0, seconds, cycles, wallSeconds));
        row(b, "seconds over the cap attributable to the controller", Long.toString(controllerOverCapS));
        row(b, "seconds over the cap: all / excused (fault or restart recovering, or no engine allowed to start)",
                overCapS + " / " + overCapExcusedS + " (of which no engine allowed: " + overCapNoEngineS + ")");
        row(b, "worst excess over the cap", String.format(Locale.ROOT, "%.1f kW", maxOverCapKw));
        row(b, "engine starts / starts over the per-hour limit", engineStarts + " / " + startsOverLimit);
        row(b, "missed cycles (exception or step longer than the period)", Long.toString(missedCycles));
        row(b, "slowest step", maxStepMicros + " µs");
        row(b, "daemon restarts (state persisted and reloaded) / conservative restores",
                restarts + " / " + conservativeRestores);
        StringBuilder heap = new StringBuilder();
        for (double h : heapMbPerDay) {
            heap.append(heap.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", h));
        }
        row(b, "heap after GC at each day boundary (MB)", heap.toString());
        row(b, "heap trend (least squares)", String.format(Locale.ROOT, "%+.2f MB/day", heapSlopeMbPerDay));
        StringBuilder ids = new StringBuilder();
        new java.util.TreeMap<>(raisedById).forEach((id, c) -> ids.append(ids.length() == 0 ? "" : ", ").append(id)
                .append(" ×").append(c));
        row(b, "alarms raised", alarmsRaised + " (" + ids + ")");
        b.append("\n| fault | injected | exercised | alarm raised |\n|---|---|---|---|\n");
        for (FaultOutcome f : faults) {
            b.append("| ").append(f.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')).append(" | ")
                    .append(f.injected()).append(" | ").append(f.exercised()).append(" | ").append(f.alarmed())
                    .append(" |\n");
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("| ").append(k).append(" | ").append(v).append(" |\n");
    }

    static double slope(List<Double> ys) {
        int n = ys.size();
        if (n < 2) {
            return 0;
        }
        double mx = (n - 1) / 2.0;
        double my = ys.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (i - mx) * (ys.get(i) - my);
            den += (i - mx) * (i - mx);
        }
        return num / den;
    }

    static Map<Fault.Kind, int[]> emptyCounts() {
        Map<Fault.Kind, int[]> m = new java.util.EnumMap<>(Fault.Kind.class);
        for (Fault.Kind k : Fault.Kind.values()) {
            m.put(k, new int[3]);
        }
        return m;
    }
}
