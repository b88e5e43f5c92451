package io.plantd.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plantd.controller.cycle.StepOutput;
import io.plantd.sim.scenario.Scenario;
import io.plantd.sim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every strategy through the same plant model and scoring, on the shipped 1-hour heat-wave scenario. */
class BacktestRunTest {
    private static Scenario heatWave;
    private static BacktestSettings settings;
    private static final Map<Strategy, BacktestRun.Result> RESULTS = new EnumMap<>(Strategy.class);

    @BeforeAll
    static void runAll() throws Exception {
        heatWave = ScenarioLoader.load(repo().resolve("config/scenarios/heat-wave.yaml"));
        settings = BacktestSettings.reference(0.12, 0.85);
        for (Strategy s : Strategy.values()) {
            RESULTS.put(s, BacktestRun.run(heatWave, s, settings, BacktestRun.Window.whole(heatWave), 0));
        }
    }

    static Path repo() {
        Path p = Path.of("").toAbsolutePath();
        while (!p.resolve("config/scenarios").toFile().isDirectory()) {
            p = p.getParent();
        }
        return p;
    }

    @Test
    void motorOnlyHasTheSameGroundTruthAsAControllerThatCommandsNothing() {
        // a no-op controller leaves every unit under its own (LOCAL) control, which runs on motor
        BacktestRun.Result noOp = BacktestRun.run(heatWave, "no-op",
                c -> (image, grid, now, commands) -> new StepOutput(null, List.of()), settings,
                BacktestRun.Window.whole(heatWave), -1);
        Score m = RESULTS.get(Strategy.MOTOR_ONLY).score();
        Score n = noOp.score();
        assertThat(n.decisions()).isZero();
        assertThat(m.decisions()).isEqualTo(4); // LOCAL -> MOTOR once per unit
        assertThat(n.secondsOverCap()).isEqualTo(m.secondsOverCap());
        assertThat(n.kwhOverCap()).isEqualTo(m.kwhOverCap());
        assertThat(n.worstOvershootKw()).isEqualTo(m.worstOvershootKw());
        assertThat(n.electricityKwh()).isEqualTo(m.electricityKwh());
        assertThat(n.itKwh()).isEqualTo(m.itKwh());
        assertThat(n.totalStarts()).isZero();
        assertThat(m.totalStarts()).isZero();
    }

    @Test
    void everyStrategySeesTheSameItLoadAndIsScoredOverTheSameSeconds() {
        Score motor = RESULTS.get(Strategy.MOTOR_ONLY).score();
        for (BacktestRun.Result r : RESULTS.values()) {
            assertThat(r.cycles()).isEqualTo(heatWave.durationS());
            assertThat(r.score().seconds()).isEqualTo(heatWave.durationS());
            assertThat(r.score().itKwh()).isEqualTo(motor.itKwh());
            assertThat(r.score().physicalLimitKw()).isEqualTo(motor.physicalLimitKw());
            assertThat(r.trace().length()).isEqualTo((int) heatWave.durationS());
        }
    }

    @Test
    void plantdKeepsTheFeasibleHeatWaveUnderTheCapWhereMotorsAloneBreachIt() {
        Score motor = RESULTS.get(Strategy.MOTOR_ONLY).score();
        Score plantd = RESULTS.get(Strategy.PLANTD).score();
        assertThat(heatWave.feasible()).isTrue();
        assertThat(motor.secondsOverCap()).isPositive();
        assertThat(plantd.secondsOverCap()).isZero();
        assertThat(plantd.totalStarts()).isPositive();
        assertThat(plantd.startsWithinLimits()).isTrue();
        assertThat(plantd.gasTherms()).isPositive();
        // moving motor kW to gas lowers the grid energy
        assertThat(plantd.electricityKwh()).isLessThan(motor.electricityKwh());
    }

    @Test
    void reactiveOnlyStartsAfterTheCapWasExceeded() {
        Score reactive = RESULTS.get(Strategy.REACTIVE).score();
        assertThat(reactive.totalStarts()).isPositive();
        assertThat(reactive.secondsOverCap()).isPositive();
        assertThat(reactive.secondsOverCap())
                .isLessThan(RESULTS.get(Strategy.MOTOR_ONLY).score().secondsOverCap());
        assertThat(reactive.startsWithinLimits()).isTrue();
    }

    @Test
    void scheduleRunsEnginesOnlyInsideItsHours() {
        // 14:00-22:00 UTC covers the whole 14:00-15:00 scenario: engines start at once, every unit
        Score schedule = RESULTS.get(Strategy.SCHEDULE).score();
        assertThat(schedule.totalStarts()).isEqualTo(4);
        BacktestSettings late = new BacktestSettings(200, 600, 600, settings.engine(), settings.tariff(), 16, 22, 600,
                600);
        Score outside = BacktestRun.run(heatWave, Strategy.SCHEDULE, late, BacktestRun.Window.whole(heatWave), -1)
                .score();
        assertThat(outside.totalStarts()).isZero();
        assertThat(outside.electricityKwh()).isCloseTo(RESULTS.get(Strategy.MOTOR_ONLY).score().electricityKwh(),
                within(1e-6));
    }

    @Test
    void aWindowLaterInTheScenarioSeesTheSamePlantAsTheWholeRun() {
        // the part before the window is played uncontrolled in coarse steps; from there on the
        // plant must be exactly what the whole run saw
        BacktestRun.Result part = BacktestRun.run(heatWave, Strategy.MOTOR_ONLY, settings,
                new BacktestRun.Window(1800, 1200), 0);
        DayTrace whole = RESULTS.get(Strategy.MOTOR_ONLY).trace();
        DayTrace late = part.trace();
        assertThat(part.cycles()).isEqualTo(1200);
        assertThat(late.length()).isEqualTo(3000);
        for (int j = 1800; j < 3000; j++) {
            assertThat(late.itKw[j]).as("IT at %d", j).isEqualTo(whole.itKw[j]);
            assertThat(late.siteKw[j]).as("site at %d", j).isEqualTo(whole.siteKw[j]);
            assertThat(late.capKw[j]).isEqualTo(whole.capKw[j]);
        }
    }
}
