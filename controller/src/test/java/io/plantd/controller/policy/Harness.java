package io.plantd.controller.policy;

import io.plantd.controller.command.Command;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.cycle.Alarm;
import io.plantd.controller.cycle.ChillerStatus;
import io.plantd.controller.cycle.CommandChange;
import io.plantd.controller.cycle.GridStatus;
import io.plantd.controller.cycle.StepOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cycle-by-cycle harness: each {@link #tick()} freezes the fake plant into a process image,
 * runs one step at the controlled time, lets the plant obey the commands and advances 1 s.
 */
final class Harness {
    static final Instant T0 = Instant.parse("2026-07-01T12:00:00Z");

    final SiteConfig config;
    final FakePlant plant;
    final PolicyCycleStep step;
    Instant now = T0;
    GridStatus grid = quietGrid();
    final List<Command> pendingCommands = new ArrayList<>();
    final List<StepOutput> outputs = new ArrayList<>();
    final List<Instant> times = new ArrayList<>();
    final List<Double> siteKwSeen = new ArrayList<>();
    StepOutput last;
    /** When set, every frame fed to the step is kept (for replay benchmarks). */
    boolean recordFrames;
    final List<io.plantd.drivers.point.ProcessImage> frames = new ArrayList<>();
    final List<GridStatus> frameGrids = new ArrayList<>();
    /** IT kW as a function of seconds since T0; when set, cooling follows IT each tick. */
    java.util.function.DoubleUnaryOperator itProfile;

    Harness(SiteConfig config) {
        this.config = config;
        this.plant = new FakePlant(config);
        this.step = new PolicyCycleStep(config);
    }

    /** Two 500-ton units at 9,500 kW IT + 300 kW other: the cap needs an engine from the first cycle. */
    static Harness twoUnitsNeedingAnEngine() {
        Harness h = new Harness(TestSite.site().chiller("ch1", 500, false).chiller("ch2", 500, false).build());
        h.plant.itKw = 9500;
        h.plant.otherKw = 300;
        return h;
    }

    static GridStatus quietGrid() {
        return new GridStatus(0, Optional.empty(), 0.10, 1.0, Optional.empty(), Optional.empty(), Optional.empty(),
                false, true);
    }

    StepOutput tick() {
        long ms = now.toEpochMilli();
        if (itProfile != null) {
            plant.itKw = itProfile.applyAsDouble((ms - T0.toEpochMilli()) / 1000.0);
            plant.coolingFollowsIt();
        }
        plant.advance(ms);
        siteKwSeen.add(plant.siteKw());
        List<Command> cmds = List.copyOf(pendingCommands);
        pendingCommands.clear();
        io.plantd.drivers.point.ProcessImage image = plant.image(ms);
        if (recordFrames) {
            frames.add(image);
            frameGrids.add(grid);
        }
        last = step.step(image, grid, now, cmds);
        outputs.add(last);
        times.add(now);
        plant.obey(last.commands(), ms);
        now = now.plusSeconds(1);
        return last;
    }

    void run(int seconds) {
        for (int i = 0; i < seconds; i++) {
            tick();
        }
    }

    /** Runs until {@code id} changes command (returns the change) or {@code maxSeconds} pass (null). */
    CommandChange runUntilChange(String id, int maxSeconds) {
        for (int i = 0; i < maxSeconds; i++) {
            tick();
            for (CommandChange c : last.report().changes()) {
                if (c.chillerId().equals(id)) {
                    return c;
                }
            }
        }
        return null;
    }

    ChillerStatus status(String id) {
        return last.report().chillers().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    Optional<Alarm> alarm(String id) {
        return last.report().alarms().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    List<CommandChange> allChanges() {
        List<CommandChange> all = new ArrayList<>();
        for (StepOutput o : outputs) {
            all.addAll(o.report().changes());
        }
        return all;
    }

    /** The first chiller commanded to ENGINE so far. */
    String firstToEngine() {
        return allChanges().stream().filter(c -> c.to() == DriveMode.ENGINE).map(CommandChange::chillerId)
                .findFirst().orElseThrow();
    }

    double maxSiteKw() {
        return siteKwSeen.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
