package io.plantd.app.backtest;

import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.cycle.CycleStep;
import io.plantd.controller.cycle.GridStatus;
import io.plantd.controller.cycle.StepOutput;
import io.plantd.controller.grid.ModbusGatewayGridFeed;
import io.plantd.drivers.point.ProcessImage;
import io.plantd.sim.Simulation;
import io.plantd.sim.device.GridDevice;
import io.plantd.sim.model.ChillerModel;
import io.plantd.sim.model.PlantModel;
import io.plantd.sim.scenario.Scenario;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * One strategy through one scenario in accelerated time, 1 s per cycle, no sockets: each second
 * the strategy's {@link CycleStep} sees the process image read from the simulated devices, its
 * commands go to the simulated chillers as the actuator would write them, the plant advances 1 s
 * and the ground truth is scored.
 */
public final class BacktestRun {
    /** Which part of the scenario is controlled and scored; the part before is played with no controller. */
    public record Window(long fromS, long seconds) {
        public static Window whole(Scenario s) {
            return new Window(0, s.durationS());
        }
    }

    /** {@code nanos} is wall time, {@code cpuNanos} the running thread's CPU time (honest on a busy machine). */
    public record Result(Score score, DayTrace trace, long cycles, long nanos, long cpuNanos) {
        public double cyclesPerSecond() {
            return nanos > 0 ? cycles * 1e9 / nanos : Double.NaN;
        }

        public double cyclesPerCpuSecond() {
            return cpuNanos > 0 ? cycles * 1e9 / cpuNanos : Double.NaN;
        }
    }

    private static final double PREROLL_STEP_S = 60;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private BacktestRun() {
    }

    /**
     * @param traceFromS when ≥ 0, record the day starting this many seconds after the scenario start
     */
    public static Result run(Scenario scenario, Strategy strategy, BacktestSettings settings, Window window,
                             long traceFromS) {
        return run(scenario, strategy, settings, ControllerSiteConfig.of(scenario, settings), window, traceFromS);
    }

    /** With an operator's site config (for example config/sites/sim-heat-wave.yaml) instead of the derived one. */
    public static Result run(Scenario scenario, Strategy strategy, BacktestSettings settings, SiteConfig config,
                             Window window, long traceFromS) {
        return run(scenario, strategy.label(), c -> strategy.create(c, settings, scenario.utcOffsetH()), settings,
                config, window, traceFromS);
    }

    /** Runs any {@link CycleStep} built from the controller config (tests use a no-op one). */
    public static Result run(Scenario scenario, String label, Function<SiteConfig, CycleStep> controller,
                             BacktestSettings settings, Window window, long traceFromS) {
        return run(scenario, label, controller, settings, ControllerSiteConfig.of(scenario, settings), window,
                traceFromS);
    }

    static Result run(Scenario scenario, String label, Function<SiteConfig, CycleStep> controller,
                      BacktestSettings settings, SiteConfig config, Window window, long traceFromS) {
        long t0 = System.nanoTime();
        long cpu0 = CPU.getCurrentThreadCpuTime();
        Simulation sim = new Simulation(scenario);
        PlantModel model = sim.model();
        // uncontrolled units sit on motor (LOCAL), so nothing happens between samples that a
        // coarse step would miss: the load, weather and timeline do not depend on the step size
        while (sim.elapsedS() < window.fromS()) {
            sim.advance(Math.min(PREROLL_STEP_S, window.fromS() - sim.elapsedS()));
        }
        ControllerSiteConfig.checkMatches(config, sim.devices());
        CycleStep step = controller.apply(config);
        SimProcessImage images = new SimProcessImage(sim.devices(), config.control().meterMaxAgeMs());
        ModbusGatewayGridFeed gridFeed = new ModbusGatewayGridFeed(GridDevice.ID, config.grid().maxAgeMs(),
                settings.tariff());
        SimActuator actuator = new SimActuator(sim.devices());

        List<ChillerModel> chillers = model.chillers();
        int n = chillers.size();
        double[] engineTons = new double[n];
        long[] starts = new long[n];
        double[] runHoursAtStart = new double[n];
        Scorer scorer = new Scorer(n, 1.0, scenario.utcOffsetH(), settings.engine().gasThermsPerTonHour(),
                settings.tariff());
        for (int i = 0; i < n; i++) {
            starts[i] = chillers.get(i).starts();
            runHoursAtStart[i] = chillers.get(i).engineRunHours();
        }
        scorer.baseline(starts);

        long origin = scenario.start().getEpochSecond();
        long seconds = Math.min(window.seconds(), scenario.durationS() - window.fromS());
        DayTrace trace = null;
        if (traceFromS >= 0) {
            String[] ids = chillers.stream().map(ChillerModel::id).toArray(String[]::new);
            trace = new DayTrace(label, origin + traceFromS, ids, 86_400);
        }
        long cycles = 0;
        for (long k = 0; k < seconds; k++) {
            long nowS = origin + window.fromS() + k;
            Instant now = Instant.ofEpochSecond(nowS);
            ProcessImage image = images.read(nowS * 1000);
            GridStatus grid = gridFeed.current(image, now);
            StepOutput out = step.step(image, grid, now, List.of());
            actuator.apply(out.commands());
            cycles++;

            sim.advance(1.0);
            for (int i = 0; i < n; i++) {
                ChillerModel c = chillers.get(i);
                engineTons[i] = c.engineTons();
                starts[i] = c.starts();
            }
            long at = nowS + 1;
            scorer.sample(at, model.siteKw(), model.capKw(), model.itKw(), model.grid().priceElectricity(),
                    model.grid().priceGas(), engineTons, starts, model.unmetTons() > 0);
            if (trace != null) {
                long idx = nowS - trace.startEpochS; // row j: the step from start + j to start + j + 1
                if (idx >= 0 && idx < 86_400) {
                    int j = (int) idx;
                    trace.siteKw[j] = (float) model.siteKw();
                    trace.capKw[j] = (float) model.capKw();
                    trace.itKw[j] = (float) model.itKw();
                    for (int i = 0; i < n; i++) {
                        trace.driveStatus[i][j] = (byte) chillers.get(i).statusCode();
                        trace.engineShare[i][j] = (float) chillers.get(i).engineShare();
                    }
                    trace.length = Math.max(trace.length, j + 1);
                }
            }
        }
        double[] runHours = new double[n];
        for (int i = 0; i < n; i++) {
            runHours[i] = chillers.get(i).engineRunHours() - runHoursAtStart[i];
        }
        Score score = scorer.result(label, actuator.decisions(), Scenarios.physicalLimitKw(scenario),
                runHours, settings.engine().maxStartsPerHour(), settings.engine().yearlyHourBudget());
        return new Result(score, trace, cycles, System.nanoTime() - t0, CPU.getCurrentThreadCpuTime() - cpu0);
    }
}
