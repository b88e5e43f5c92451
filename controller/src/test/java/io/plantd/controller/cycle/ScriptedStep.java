package io.plantd.controller.cycle;

import io.plantd.controller.command.Command;
import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.policy.OperatingMode;
import io.plantd.drivers.point.ProcessImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * A hand-written stand-in for the policy: returns scripted drive commands per cycle, records what
 * it was given, can take (fake) time and can fail on chosen cycles.
 */
public final class ScriptedStep implements CycleStep {
    public final List<Long> calledAtNanos = new ArrayList<>();
    public final List<Instant> calledAt = new ArrayList<>();
    public final List<List<Command>> received = new ArrayList<>();
    public final List<GridStatus> grids = new ArrayList<>();
    private final Map<String, DriveMode> previous = new HashMap<>();

    private final Ticker ticker;
    private IntFunction<List<DriveCommand>> script = i -> List.of();
    private IntFunction<Long> workNanos = i -> 0L;
    private IntFunction<List<Alarm>> alarms = i -> List.of();
    private Set<Integer> failOn = Set.of();
    private OperatingMode mode = OperatingMode.AUTO;
    private Runnable afterCall = () -> { };
    private FakeTime fakeTime;

    public ScriptedStep(Ticker ticker) {
        this.ticker = ticker;
        if (ticker instanceof FakeTime f) {
            this.fakeTime = f;
        }
    }

    public ScriptedStep commands(IntFunction<List<DriveCommand>> s) {
        this.script = s;
        return this;
    }

    public ScriptedStep work(IntFunction<Long> w) {
        this.workNanos = w;
        return this;
    }

    public ScriptedStep alarms(IntFunction<List<Alarm>> a) {
        this.alarms = a;
        return this;
    }

    public ScriptedStep failOn(Set<Integer> cycles) {
        this.failOn = cycles;
        return this;
    }

    public ScriptedStep mode(OperatingMode m) {
        this.mode = m;
        return this;
    }

    public ScriptedStep afterCall(Runnable r) {
        this.afterCall = r;
        return this;
    }

    public synchronized int calls() {
        return calledAtNanos.size();
    }

    @Override
    public synchronized StepOutput step(ProcessImage image, GridStatus grid, Instant now, List<Command> commands) {
        int i = calledAtNanos.size();
        calledAtNanos.add(ticker.nanos());
        calledAt.add(now);
        received.add(commands);
        grids.add(grid);
        try {
            if (fakeTime != null) {
                fakeTime.advance(workNanos.apply(i));
            }
            if (failOn.contains(i)) {
                throw new IllegalStateException("scripted failure in cycle " + i);
            }
            List<DriveCommand> out = script.apply(i);
            List<CommandChange> changes = new ArrayList<>();
            List<ChillerStatus> chillers = new ArrayList<>();
            for (DriveCommand c : out) {
                DriveMode before = previous.put(c.chillerId(), c.mode());
                if (before != c.mode()) {
                    changes.add(new CommandChange(c.chillerId(), before == null ? DriveMode.LOCAL : before, c.mode(),
                            c.engineShare(), c.reason(), c.detail()));
                }
                chillers.add(TestReports.chiller(c.chillerId(), c.mode(), true, ""));
            }
            return new StepOutput(TestReports.report(i, now, mode, chillers, changes, alarms.apply(i)), out);
        } finally {
            afterCall.run();
        }
    }
}
