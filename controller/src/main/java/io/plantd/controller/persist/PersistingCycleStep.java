package io.plantd.controller.persist;

import io.plantd.controller.command.Command;
import io.plantd.controller.cycle.Alarm;
import io.plantd.controller.cycle.CycleReport;
import io.plantd.controller.cycle.CycleStep;
import io.plantd.controller.cycle.GridStatus;
import io.plantd.controller.cycle.StepOutput;
import io.plantd.controller.policy.PolicyCycleStep;
import io.plantd.drivers.point.ProcessImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the policy step, then hands its plant state to the {@link StateWriter} (a snapshot copy:
 * the writer thread never touches the live state). While a conservative restore is in force it
 * raises {@value #RESTORED_CONSERVATIVE}, so operators see why engines may not start.
 */
public final class PersistingCycleStep implements CycleStep {
    public static final String RESTORED_CONSERVATIVE = "state-restored-conservative";

    private final PolicyCycleStep inner;
    private final StateWriter writer;
    private final StateLoader.Loaded loaded;
    private final long loadedAtMs;
    private Instant alarmSince;

    public PersistingCycleStep(PolicyCycleStep inner, StateWriter writer, StateLoader.Loaded loaded, long loadedAtMs) {
        this.inner = inner;
        this.writer = writer;
        this.loaded = loaded;
        this.loadedAtMs = loadedAtMs;
    }

    public PolicyCycleStep inner() {
        return inner;
    }

    @Override
    public StepOutput step(ProcessImage image, GridStatus grid, Instant now, List<Command> commands) {
        StepOutput out = inner.step(image, grid, now, commands);
        writer.offer(inner.state().snapshot(), now);
        if (!loaded.conservative() || now.toEpochMilli() >= loadedAtMs + StateLoader.CONSERVATIVE_WINDOW_MS) {
            return out;
        }
        if (alarmSince == null) {
            alarmSince = now;
        }
        CycleReport r = out.report();
        List<Alarm> alarms = new ArrayList<>(r.alarms());
        alarms.add(new Alarm(RESTORED_CONSERVATIVE, Alarm.Severity.WARNING,
                "plant state restored conservatively for " + loaded.conservativeChillers()
                        + " (engine starts and stops held by their limits until "
                        + Instant.ofEpochMilli(loadedAtMs + StateLoader.CONSERVATIVE_WINDOW_MS) + "): " + loaded.detail(),
                alarmSince));
        CycleReport withAlarm = new CycleReport(r.sequence(), r.at(), r.durationNanos(), r.overrunsTotal(), r.mode(),
                r.economicEnabled(), r.site(), r.grid(), r.chillers(), r.changes(), alarms, r.headroom());
        return new StepOutput(withAlarm, out.commands());
    }
}
