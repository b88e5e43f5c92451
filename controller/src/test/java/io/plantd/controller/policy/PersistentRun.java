package io.plantd.controller.policy;

import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.cycle.CommandChange;
import io.plantd.controller.cycle.DriveCommand;
import io.plantd.controller.cycle.StepOutput;
import io.plantd.controller.persist.PersistingCycleStep;
import io.plantd.controller.persist.StateLoader;
import io.plantd.controller.persist.StateStore;
import io.plantd.controller.persist.StateWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A fake plant under a controller that persists its state like the daemon does and can be
 * restarted: the process "dies" (the writer thread's last save is all that survives) and a new
 * controller loads the state directory. {@code persistent = false} restarts with a blank state
 * instead, to show what the persistence prevents.
 */
final class PersistentRun implements AutoCloseable {
    final SiteConfig config;
    final FakePlant plant;
    final StateStore store;
    final boolean persistent;
    Instant now = Harness.T0;
    StepOutput last;
    StateLoader.Loaded loaded;
    private PersistingCycleStep step;
    private StateWriter writer;
    /** Engine starts the plant was commanded (not-engine to engine side), per chiller id, in ms. */
    final java.util.Map<String, List<Long>> starts = new java.util.HashMap<>();
    final java.util.Map<String, List<Long>> stops = new java.util.HashMap<>();
    private final java.util.Map<String, Boolean> onEngine = new java.util.HashMap<>();

    PersistentRun(SiteConfig config, Path dir, boolean persistent) {
        this.config = config;
        this.plant = new FakePlant(config);
        this.store = new StateStore(dir);
        this.persistent = persistent;
        boot();
    }

    /** A plant whose state directory already holds a blank history (as after an earlier clean start). */
    static PersistentRun seeded(SiteConfig config, Path dir, boolean persistent) throws java.io.IOException {
        new StateStore(dir).save(io.plantd.controller.persist.StateCodec.encode(
                new io.plantd.controller.state.PlantState(config.chillers()).snapshot(), Harness.T0));
        return new PersistentRun(config, dir, persistent);
    }

    private void boot() {
        long nowMs = now.toEpochMilli();
        loaded = StateLoader.load(store, config.chillers(), nowMs);
        writer = new StateWriter(store);
        PolicyCycleStep inner = persistent ? new PolicyCycleStep(config, loaded.state()) : new PolicyCycleStep(config);
        step = new PersistingCycleStep(inner, writer, loaded, nowMs);
    }

    /** Abrupt stop after the last save completed, then a fresh controller on the same plant. */
    void restart() {
        writer.flush(5, TimeUnit.SECONDS);
        writer.close();
        boot();
    }

    StepOutput tick() {
        long ms = now.toEpochMilli();
        plant.advance(ms);
        last = step.step(plant.image(ms), Harness.quietGrid(), now, List.of());
        for (DriveCommand c : last.commands()) {
            boolean engine = c.mode() == DriveMode.ENGINE || c.mode() == DriveMode.BLEND;
            boolean was = onEngine.getOrDefault(c.chillerId(), plant.unit(c.chillerId()).engineRunning);
            if (engine && !was) {
                starts.computeIfAbsent(c.chillerId(), k -> new ArrayList<>()).add(ms);
            } else if (!engine && was) {
                stops.computeIfAbsent(c.chillerId(), k -> new ArrayList<>()).add(ms);
            }
            onEngine.put(c.chillerId(), engine);
        }
        plant.obey(last.commands(), ms);
        now = now.plusSeconds(1);
        return last;
    }

    void run(int seconds) {
        for (int i = 0; i < seconds; i++) {
            tick();
        }
    }

    CommandChange runUntilChange(String id, DriveMode to, int maxSeconds) {
        for (int i = 0; i < maxSeconds; i++) {
            tick();
            for (CommandChange c : last.report().changes()) {
                if (c.chillerId().equals(id) && c.to() == to) {
                    return c;
                }
            }
        }
        return null;
    }

    io.plantd.controller.cycle.ChillerStatus status(String id) {
        return last.report().chillers().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    boolean alarm(String id) {
        return last.report().alarms().stream().anyMatch(a -> a.id().equals(id));
    }

    /** The most starts of {@code id} inside any rolling 60 minutes. */
    int maxStartsInAnyHour(String id) {
        List<Long> s = starts.getOrDefault(id, List.of());
        int max = 0;
        for (int i = 0; i < s.size(); i++) {
            int n = 0;
            for (int j = i; j < s.size() && s.get(j) - s.get(i) < 3_600_000L; j++) {
                n++;
            }
            max = Math.max(max, n);
        }
        return max;
    }

    @Override
    public void close() {
        writer.close();
    }
}
