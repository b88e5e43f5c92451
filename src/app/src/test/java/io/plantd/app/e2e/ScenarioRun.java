package io.plantd.app.e2e;

import io.plantd.app.decisions.DecisionLogFile;
import io.plantd.app.soak.wire.DaemonProcess;

import io.plantd.controller.config.ChillerConfig;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.config.SiteConfigLoader;
import io.plantd.sim.SimulatorRunner;
import io.plantd.sim.model.ChillerModel;
import io.plantd.sim.record.RunSummary;
import io.plantd.sim.scenario.Scenario;
import io.plantd.sim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One shipped scenario played end to end: the simulator in this JVM (ephemeral ports, ground
 * truth recorded), the packaged daemon as a child process on the simulator's time base, both
 * {@code timeScale} times faster than real time, the daemon stopped with SIGTERM once the
 * scenario has run to its end. Everything the assertions need is kept in the {@link Outcome}.
 */
final class ScenarioRun {
    /** Before it, both the simulator and the daemon's clock stand still: time for the daemon's JVM to start. */
    static final Duration HOLD = Duration.ofSeconds(5);

    private ScenarioRun() {
    }

    record Outcome(
            Scenario scenario,
            SiteConfig site,
            RunSummary truth,
            Map<String, Integer> maxStartsInAnyHour,
            Map<String, Long> engineStarts,
            Map<String, Integer> commandAfterExit,
            int exitCode,
            boolean aliveAtEnd,
            List<DecisionLogFile.Entry> decisions,
            String daemonOutput,
            Duration wallTime) {

        /** Seconds since the scenario start of a decision-log timestamp (the daemon's clock is the simulator's). */
        double at(DecisionLogFile.Entry e) {
            return Duration.between(scenario.start(), e.ts()).toMillis() / 1000.0;
        }
    }

    static Outcome play(String name, double timeScale, Path folder) throws Exception {
        long t0 = System.nanoTime();
        Scenario scenario = ScenarioLoader.load(E2eSite.scenario(name));
        Instant anchor = Instant.now().plus(HOLD);
        SimulatorRunner.Options options = SimulatorRunner.Options.realTime().withSpeed(timeScale).withBasePort(0)
                .withStopAtEnd(true).withLogEvery(Duration.ZERO).withStartAt(anchor)
                .withRecordCsv(folder.resolve("ground-truth.csv"));
        try (SimulatorRunner sim = SimulatorRunner.start(scenario, options)) {
            Path sitePath = E2eSite.write(name, sim.endpoints(), folder, OptionalInt.empty());
            SiteConfig site = SiteConfigLoader.load(sitePath);
            int exit;
            boolean alive;
            String output;
            try (DaemonProcess daemon = PackagedPlantd.run(folder, sitePath, timeScale, scenario.start(), anchor)) {
                Duration budget = HOLD.plusMillis((long) (scenario.durationS() * 1000 / timeScale)).plusSeconds(90);
                if (!sim.awaitEnd(budget)) {
                    throw new AssertionError(name + ": the scenario did not reach its end within " + budget);
                }
                alive = daemon.isAlive();
                exit = PackagedPlantd.terminate(daemon, Duration.ofSeconds(15));
                output = daemon.stdout() + daemon.stderr();
            }
            // the simulator applies received writes on its next tick (it keeps ticking after the end)
            Thread.sleep(300);
            Map<String, Integer> commandAfterExit = sim.inspect(s -> {
                Map<String, Integer> m = new LinkedHashMap<>();
                for (ChillerModel c : s.model().chillers()) {
                    m.put(c.id(), c.commandCode());
                }
                return m;
            });
            Map<String, Integer> maxStarts = new LinkedHashMap<>();
            Map<String, Long> starts = new LinkedHashMap<>();
            sim.recorder().flush();
            RunSummary truth = sim.recorder().summary();
            for (ChillerConfig c : site.chillers()) {
                maxStarts.put(c.id(), sim.recorder().maxStartsInAnyHour(c.id()));
                starts.put(c.id(), sim.recorder().engineStarts(c.id()));
            }
            Path log = site.logging().decisionLog();
            List<DecisionLogFile.Entry> decisions = Files.exists(log) ? DecisionLogFile.read(log) : List.of();
            return new Outcome(scenario, site, truth, maxStarts, starts, commandAfterExit, exit, alive, decisions,
                    output, Duration.ofNanos(System.nanoTime() - t0));
        }
    }
}
