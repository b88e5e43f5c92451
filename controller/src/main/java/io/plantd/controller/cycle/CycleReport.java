package io.plantd.controller.cycle;

import io.plantd.controller.policy.OperatingMode;
import java.time.Instant;
import java.util.List;

/**
 * Everything one control cycle decided, handed to the publishers (MQTT, metrics, decision log)
 * through a bounded queue. Immutable; publishers never call back into the cycle.
 */
public record CycleReport(
        long sequence,
        Instant at,
        long durationNanos,
        long overrunsTotal,
        OperatingMode mode,
        boolean economicEnabled,
        SiteStatus site,
        GridStatus grid,
        List<ChillerStatus> chillers,
        List<CommandChange> changes,
        List<Alarm> alarms,
        Headroom headroom) {

    public CycleReport {
        chillers = List.copyOf(chillers);
        changes = List.copyOf(changes);
        alarms = List.copyOf(alarms);
    }
}
