package io.plantd.controller.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps an alarm raised until its condition has been clear for {@link #HOLD_MS}, so a condition
 * that wavers around its threshold (cap just feasible, then not) is one alarm for the operator and
 * the BMS, not hundreds of raise/clear pairs. Raising is never delayed.
 */
final class AlarmHold {
    static final long HOLD_MS = 60_000;

    private record Seen(PolicyResult.PendingAlarm alarm, long lastMs) {
    }

    private final Map<String, Seen> seen = new LinkedHashMap<>();

    /** This cycle's alarms plus those cleared less than {@link #HOLD_MS} ago, first raise first. */
    List<PolicyResult.PendingAlarm> apply(List<PolicyResult.PendingAlarm> current, long nowMs) {
        for (PolicyResult.PendingAlarm a : current) {
            seen.put(a.id(), new Seen(a, nowMs));
        }
        List<PolicyResult.PendingAlarm> out = new ArrayList<>(seen.size());
        var it = seen.values().iterator();
        while (it.hasNext()) {
            Seen s = it.next();
            long clearFor = nowMs - s.lastMs();
            if (clearFor == 0) {
                out.add(s.alarm());
            } else if (clearFor < HOLD_MS) {
                out.add(new PolicyResult.PendingAlarm(s.alarm().id(), s.alarm().severity(), s.alarm().message()
                        + " (condition clear for " + clearFor / 1000 + " s; the alarm clears after "
                        + HOLD_MS / 1000 + " s clear)"));
            } else {
                it.remove();
            }
        }
        return out;
    }
}
