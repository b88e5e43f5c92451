package io.plantd.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.sim.scenario.Scenario;
import io.plantd.sim.scenario.ScenarioLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HeadroomSearchTest {
    private static Score score(double k, boolean breach) {
        return new Score("toy", 10, breach ? 1 : 0, 0, 0, 1000 * k, 2000, 0, 0, 0, 0, 0, 4, 3000, 0, 0, 0, 0, 0, 0, 0,
                0, -1);
    }

    @Test
    void bisectionFindsTheLastScaleWithoutABreach() {
        AtomicInteger runs = new AtomicInteger();
        HeadroomSearch.Found f = new HeadroomSearch(0.001).search(k -> {
            runs.incrementAndGet();
            return score(k, k > 1.2345);
        }, 0.5, 1.5);
        assertThat(f.scale()).isBetween(1.2345 - 0.001, 1.2345);
        assertThat(f.atScale().secondsOverCap()).isZero();
        assertThat(f.hostedItKw()).isBetween(1233.5, 1234.5);
        assertThat(f.runs()).isEqualTo(runs.get());
    }

    @Test
    void bracketsAreWidenedWhenTheGuessesAreWrong() {
        HeadroomSearch search = new HeadroomSearch(0.01);
        assertThat(search.search(k -> score(k, k > 0.1), 0.5, 1.5).scale()).isBetween(0.09, 0.1);
        assertThat(search.search(k -> score(k, k > 5), 0.5, 1.5).scale()).isBetween(4.99, 5.0);
    }

    @Test
    void plantdHostsMoreItThanMotorsAloneOnTheHeatWave() throws Exception {
        Scenario s = ScenarioLoader.load(BacktestRunTest.repo().resolve("config/scenarios/heat-wave.yaml"));
        BacktestSettings settings = BacktestSettings.reference(0.12, 0.85);
        HeadroomSearch search = new HeadroomSearch(0.01);
        BacktestRun.Window w = BacktestRun.Window.whole(s);
        HeadroomSearch.Found motor = search.search(s, Strategy.MOTOR_ONLY, settings, w, 0.8, 1.0);
        HeadroomSearch.Found plantd = search.search(s, Strategy.PLANTD, settings, w, 0.8, 1.2);
        assertThat(motor.scale()).isLessThan(1.0); // the scenario breaches on motors at scale 1
        assertThat(plantd.scale()).isGreaterThan(motor.scale());
        assertThat(plantd.hostedItKw()).isGreaterThan(motor.hostedItKw());
        assertThat(plantd.atScale().secondsOverCap()).isZero();
    }
}
