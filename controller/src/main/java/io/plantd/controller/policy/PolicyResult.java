package io.plantd.controller.policy;

import io.plantd.controller.cycle.Alarm;
import java.util.ArrayList;
import java.util.List;

/**
 * One decision: per chiller (config order) the command with its reason and numbers, and the
 * site-level figures. {@code mode[i]} is null for a chiller plantd has nothing to say to yet
 * (stale before it was ever adopted).
 */
public final class PolicyResult {
    public final DriveMode[] mode;
    public final double[] share;
    public final Reason[] reason;
    public final String[] detail;
    public final boolean[] eligible;
    public final String[] ineligibleBecause;
    public final boolean[] overridden;
    /** Predicted site draw at now + L with this cycle's commands. */
    public double predictedKw;
    /** Predicted site draw at now + L with the previous commands (what triggered the decision). */
    public double predictedBeforeKw;
    public double curtailmentKw;
    public double headroomKw;
    public final List<PendingAlarm> alarms = new ArrayList<>();

    PolicyResult(int n) {
        mode = new DriveMode[n];
        share = new double[n];
        reason = new Reason[n];
        detail = new String[n];
        eligible = new boolean[n];
        ineligibleBecause = new String[n];
        overridden = new boolean[n];
    }

    void alarm(String id, Alarm.Severity severity, String message) {
        alarms.add(new PendingAlarm(id, severity, message));
    }

    /** An alarm raised this cycle; the step stamps it with the time it was first raised. */
    public record PendingAlarm(String id, Alarm.Severity severity, String message) {
    }
}
