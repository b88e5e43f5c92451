package io.plantd.app.soak;

import io.plantd.app.backtest.BacktestSettings;
import io.plantd.app.backtest.ControllerSiteConfig;
import io.plantd.app.backtest.Scenarios;
import io.plantd.app.backtest.SimActuator;
import io.plantd.app.backtest.SimProcessImage;
import io.plantd.app.backtest.YearScenario;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.cycle.Alarm;
import io.plantd.controller.cycle.GridStatus;
import io.plantd.controller.cycle.StepOutput;
import io.plantd.controller.grid.ModbusGatewayGridFeed;
import io.plantd.controller.persist.PersistingCycleStep;
import io.plantd.controller.persist.StateLoader;
import io.plantd.controller.persist.StateStore;
import io.plantd.controller.persist.StateWriter;
import io.plantd.controller.policy.PolicyCycleStep;
import io.plantd.drivers.point.ProcessImage;
import io.plantd.sim.Simulation;
import io.plantd.sim.device.GridDevice;
import io.plantd.sim.model.ChillerModel;
import io.plantd.sim.model.PlantModel;
import io.plantd.sim.scenario.Scenario;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The real policy step, persisted and restarted as the daemon does, against the simulated plant
 * in accelerated time (1 s per cycle, no sockets) with random faults. Each restart stops the
 * controller between two cycles (its writer has caught up, as it always has within a real 1 s
 * cycle), leaves the plant uncontrolled for a few seconds, then loads the state directory into a
 * new {@link PolicyCycleStep}.
 */
public final class SoakRun {
    /** How long after a fault or restart gap an excursion over the cap is blamed on it (engine lead times). */
    public static final long RECOVERY_S = 900;
    /** How long after a fault ends its alarm still counts. */
    static final long ALARM_GRACE_S = 120;

    /** @param itScale multiplies the generated year's IT load so the cap binds on most days */
    public record Settings(long days, long seed, double faultsPerDay, long minRestartS, long maxRestartS,
                           double itScale, Path stateDir) {
        public static Settings standard(long days, long seed, Path stateDir) {
            return new Settings(days, seed, Double.parseDouble(System.getProperty("plantd.soak.faults", "12")), 2 * 3600,
                    5 * 3600, Double.parseDouble(System.getProperty("plantd.soak.it", "1.2")), stateDir);
        }
    }

    private SoakRun() {
    }

    public static SoakReport run(Settings s) {
        long wall0 = System.nanoTime();
        Scenario scenario = Scenarios.scaleIt(YearScenario.generate(s.seed(), Path.of("soak-year.yaml")), s.itScale());
        BacktestSettings bs = BacktestSettings.reference(scenario.site().priceElectricity(), scenario.site().priceGas());
        SiteConfig config = ControllerSiteConfig.of(scenario, bs);
        Simulation sim = new Simulation(scenario);
        PlantModel model = sim.model();
        ControllerSiteConfig.checkMatches(config, sim.devices());
        SimProcessImage images = new SimProcessImage(sim.devices(), config.control().meterMaxAgeMs());
        ModbusGatewayGridFeed gridFeed = new ModbusGatewayGridFeed(GridDevice.ID, config.grid().maxAgeMs(), bs.tariff());
        SimActuator actuator = new SimActuator(sim.devices());

        long seconds = s.days() * 86_400;
        List<ChillerModel> chillers = model.chillers();
        int n = chillers.size();
        FaultPlan plan = FaultPlan.random(s.seed(), seconds, chillers.stream().map(ChillerModel::id).toList(),
                s.faultsPerDay(), s.minRestartS(), s.maxRestartS());
        SplittableRandom gaps = new SplittableRandom(s.seed() ^ 0x5eed);

        StateStore store = new StateStore(s.stateDir());
        long origin = scenario.start().getEpochSecond();
        Controller controller = Controller.boot(config, store, origin * 1000, true);
        int conservative = 0;
        int restarts = 0;

        long[] prevStarts = new long[n];
        List<ArrayDeque<Long>> startTimes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            prevStarts[i] = chillers.get(i).starts();
            startTimes.add(new ArrayDeque<>());
        }
        int maxStartsPerHour = config.chillers().stream().mapToInt(c -> c.engine().maxStartsPerHour()).min().orElse(1);

        Map<Fault.Kind, int[]> outcome = SoakReport.emptyCounts();
        List<Evaluation> open = new ArrayList<>();
        int nextFault = 0;
        List<Fault> ending = new ArrayList<>();
        int nextRestart = 0;
        long gapUntil = -1;
        long excusedUntil = RECOVERY_S;

        io.plantd.controller.cycle.CycleReport lastReport = null;
        long cycles = 0;
        long missed = 0;
        long maxStepNanos = 0;
        long overCap = 0;
        long overCapExcused = 0;
        long overCapNoEngine = 0;
        long controllerOverCap = 0;
        double maxOver = 0;
        long engineStarts = 0;
        long startsOverLimit = 0;
        long alarmsRaised = 0;
        Set<String> activeAlarms = new HashSet<>();
        Map<String, Long> raisedById = new java.util.TreeMap<>();
        List<Double> heap = new ArrayList<>();
        heap.add(heapMb());

        for (long k = 0; k < seconds; k++) {
            long nowS = origin + k;
            // faults
            while (nextFault < plan.faults().size() && plan.faults().get(nextFault).atS() == k) {
                Fault f = aim(model, plan.faults().get(nextFault++), gaps);
                Evaluation e = new Evaluation(f, chillerOf(model, f));
                e.exercised = exercisedAtStart(model, f);
                f.apply(model, true);
                outcome.get(f.kind())[0]++;
                open.add(e);
                if (f.durationS() > 0) {
                    ending.add(f);
                }
                excusedUntil = Math.max(excusedUntil, f.endS() + RECOVERY_S);
            }
            for (int i = ending.size() - 1; i >= 0; i--) {
                if (ending.get(i).endS() == k) {
                    ending.remove(i).apply(model, false);
                }
            }
            // restarts: kill between cycles, a gap with nobody in control, then a new controller
            if (nextRestart < plan.restartsAtS().size() && plan.restartsAtS().get(nextRestart) == k) {
                nextRestart++;
                controller.kill();
                gapUntil = k + 5 + gaps.nextInt(26);
                excusedUntil = Math.max(excusedUntil, gapUntil + RECOVERY_S);
            }
            if (gapUntil == k) {
                controller = Controller.boot(config, store, nowS * 1000, false);
                restarts++;
                if (controller.loaded.conservative()) {
                    conservative++;
                }
                gapUntil = -1;
            }
            if (gapUntil < 0) {
                Instant now = Instant.ofEpochSecond(nowS);
                ProcessImage image = images.read(nowS * 1000);
                GridStatus grid = gridFeed.current(image, now);
                long t0 = System.nanoTime();
                StepOutput out = null;
                try {
                    out = controller.step.step(image, grid, now, List.of());
                } catch (RuntimeException e) {
                    missed++;
                }
                long dt = System.nanoTime() - t0;
                maxStepNanos = Math.max(maxStepNanos, dt);
                if (dt > config.control().periodMs() * 1_000_000L) {
                    missed++;
                }
                cycles++;
                if (out != null) {
                    lastReport = out.report();
                    actuator.apply(out.commands());
                    Set<String> now2 = new HashSet<>();
                    for (Alarm a : out.report().alarms()) {
                        now2.add(a.id());
                        if (!activeAlarms.contains(a.id())) {
                            alarmsRaised++;
                            raisedById.merge(a.id(), 1L, Long::sum);
                        }
                        for (Evaluation e : open) {
                            if (e.fault.expects(a.id())) {
                                e.alarmed = true;
                            }
                        }
                    }
                    activeAlarms = now2;
                }
            }
            sim.advance(1.0);

            // judge the second that just passed
            for (int i = 0; i < n; i++) {
                ChillerModel c = chillers.get(i);
                for (long st = prevStarts[i]; st < c.starts(); st++) {
                    engineStarts++;
                    ArrayDeque<Long> q = startTimes.get(i);
                    while (!q.isEmpty() && k - q.peekFirst() >= 3600) {
                        q.pollFirst();
                    }
                    q.addLast(k);
                    if (q.size() > maxStartsPerHour) {
                        startsOverLimit++;
                    }
                }
                prevStarts[i] = c.starts();
            }
            double over = model.siteKw() - model.capKw();
            if (over > 0) {
                overCap++;
                maxOver = Math.max(maxOver, over);
                if (k < excusedUntil) {
                    overCapExcused++;
                } else if (noEngineLeft(lastReport)) {
                    overCapExcused++;
                    overCapNoEngine++;
                } else {
                    controllerOverCap++;
                }
            }
            for (int i = open.size() - 1; i >= 0; i--) {
                Evaluation e = open.get(i);
                e.observe(model);
                if (k >= e.fault.endS() + ALARM_GRACE_S) {
                    open.remove(i);
                    int[] c = outcome.get(e.fault.kind());
                    if (e.exercised) {
                        c[1]++;
                        if (e.alarmed) {
                            c[2]++;
                        }
                    }
                }
            }
            if ((k + 1) % 86_400 == 0) {
                heap.add(heapMb());
            }
        }
        controller.kill();
        for (Evaluation e : open) {
            int[] c = outcome.get(e.fault.kind());
            if (e.exercised) {
                c[1]++;
                if (e.alarmed) {
                    c[2]++;
                }
            }
        }
        List<SoakReport.FaultOutcome> faults = new ArrayList<>();
        outcome.forEach((kind, c) -> faults.add(new SoakReport.FaultOutcome(kind, c[0], c[1], c[2])));
        return new SoakReport("generated year (IT x" + s.itScale() + "), " + s.days() + " days from "
                + scenario.start(), s.seed(), seconds, cycles, missed, maxStepNanos / 1000, overCap, overCapExcused,
                controllerOverCap, overCapNoEngine, maxOver, engineStarts, startsOverLimit, restarts, conservative, heap,
                SoakReport.slope(heap.subList(Math.min(1, heap.size() - 1), heap.size())), faults, alarmsRaised, raisedById,
                (System.nanoTime() - wall0) / 1e9);
    }

    /**
     * By plantd's own last report, no unit could take more load off the grid: each is fully on
     * engine or may not start (lock-out after a failure, min-off, starts per hour, gas, stale).
     * Those limits protect the equipment and are not controller misses. Unknown (restart gap): true.
     */
    private static boolean noEngineLeft(io.plantd.controller.cycle.CycleReport report) {
        if (report == null) {
            return true;
        }
        for (io.plantd.controller.cycle.ChillerStatus c : report.chillers()) {
            boolean full = c.commanded() == io.plantd.controller.policy.DriveMode.ENGINE
                    || (c.commanded() == io.plantd.controller.policy.DriveMode.BLEND && c.engineShare() >= 0.99);
            if (!full && c.eligible()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Engine faults hit where they hurt: a trip or gas loss on a running engine, a start failure on
     * a unit that is not running (so its next start fails). Otherwise the planned unit.
     */
    private static Fault aim(PlantModel model, Fault f, SplittableRandom r) {
        List<String> candidates = new ArrayList<>();
        for (ChillerModel c : model.chillers()) {
            boolean running = c.engineRunning();
            boolean wanted = switch (f.kind()) {
                case ENGINE_TRIP, GAS_LOSS -> running;
                case ENGINE_START_FAILURE -> !running;
                default -> false;
            };
            if (wanted) {
                candidates.add(c.id());
            }
        }
        if (candidates.isEmpty()) {
            return f;
        }
        return new Fault(f.kind(), candidates.get(r.nextInt(candidates.size())), f.atS(), f.durationS());
    }

    private static ChillerModel chillerOf(PlantModel model, Fault f) {
        for (ChillerModel c : model.chillers()) {
            if (c.id().equals(f.target())) {
                return c;
            }
        }
        return null;
    }

    /** Faults that always have a visible effect count as exercised at once; the others when they bite. */
    private static boolean exercisedAtStart(PlantModel model, Fault f) {
        return switch (f.kind()) {
            case METER_FREEZE, DEVICE_TIMEOUT -> true;
            case ENGINE_TRIP, GAS_LOSS -> {
                ChillerModel c = chillerOf(model, f);
                yield c != null && c.engineRunning();
            }
            case ENGINE_START_FAILURE -> false;
        };
    }

    private static double heapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    /** One fault's window: was it exercised, and did plantd raise the matching alarm. */
    private static final class Evaluation {
        final Fault fault;
        final ChillerModel chiller;
        final long failedStartsAtStart;
        boolean exercised;
        boolean alarmed;

        Evaluation(Fault fault, ChillerModel chiller) {
            this.fault = fault;
            this.chiller = chiller;
            this.failedStartsAtStart = chiller == null ? 0 : chiller.failedStarts();
        }

        void observe(PlantModel model) {
            if (fault.kind() == Fault.Kind.ENGINE_START_FAILURE && chiller != null
                    && chiller.failedStarts() > failedStartsAtStart) {
                exercised = true;
            }
        }
    }

    /** One daemon lifetime: the persisted step and its writer. */
    private static final class Controller {
        final PersistingCycleStep step;
        final StateWriter writer;
        final StateLoader.Loaded loaded;

        private Controller(PersistingCycleStep step, StateWriter writer, StateLoader.Loaded loaded) {
            this.step = step;
            this.writer = writer;
            this.loaded = loaded;
        }

        static Controller boot(SiteConfig config, StateStore store, long nowMs, boolean firstEver) {
            if (firstEver) {
                // a commissioned site: the state directory holds a blank history, not nothing
                try {
                    store.save(io.plantd.controller.persist.StateCodec.encode(
                            new io.plantd.controller.state.PlantState(config.chillers()).snapshot(),
                            Instant.ofEpochMilli(nowMs)));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            StateLoader.Loaded loaded = StateLoader.load(store, config.chillers(), nowMs);
            StateWriter writer = new StateWriter(store);
            PolicyCycleStep policy = new PolicyCycleStep(config, loaded.state());
            return new Controller(new PersistingCycleStep(policy, writer, loaded, nowMs), writer, loaded);
        }

        void kill() {
            writer.flush(10, TimeUnit.SECONDS);
            writer.close();
        }
    }
}
