package io.plantd.app.backtest;

import io.plantd.sim.scenario.Scenario;
import java.util.function.DoubleFunction;

/**
 * The capacity-unlock figure: the largest IT scale factor a strategy hosts with no second over
 * the cap, found by bisection between a scale that holds and one that breaches.
 */
public final class HeadroomSearch {
    /** The hosted scale, the run at that scale, and how many runs the search took. */
    public record Found(double scale, Score atScale, int runs) {
        public double hostedItKw() {
            return atScale.peakItUnderCapKw();
        }
    }

    private final double tolerance;

    public HeadroomSearch(double tolerance) {
        this.tolerance = tolerance;
    }

    /**
     * @param runAt runs the strategy with IT × the given scale
     * @param lo    a scale assumed to hold (checked; halved until it does)
     * @param hi    a scale assumed to breach (checked; doubled until it does, up to 64×lo)
     */
    public Found search(DoubleFunction<Score> runAt, double lo, double hi) {
        int runs = 0;
        Score good = runAt.apply(lo);
        runs++;
        while (good.secondsOverCap() > 0) {
            if (lo < 1e-3) {
                return new Found(0, good, runs);
            }
            hi = lo;
            lo /= 2;
            good = runAt.apply(lo);
            runs++;
        }
        Score bad = runAt.apply(hi);
        runs++;
        while (bad.secondsOverCap() == 0) {
            if (hi > 64 * lo) {
                return new Found(hi, bad, runs);
            }
            lo = hi;
            good = bad;
            hi *= 2;
            bad = runAt.apply(hi);
            runs++;
        }
        while (hi - lo > tolerance) {
            double mid = (lo + hi) / 2;
            Score s = runAt.apply(mid);
            runs++;
            if (s.secondsOverCap() == 0) {
                lo = mid;
                good = s;
            } else {
                hi = mid;
            }
        }
        return new Found(lo, good, runs);
    }

    /** Search on a scenario with {@link BacktestRun}. */
    public Found search(Scenario scenario, Strategy strategy, BacktestSettings settings, BacktestRun.Window window,
                        double lo, double hi) {
        return search(scenario, strategy, settings, ControllerSiteConfig.of(scenario, settings), window, lo, hi);
    }

    public Found search(Scenario scenario, Strategy strategy, BacktestSettings settings,
                        io.plantd.controller.config.SiteConfig config, BacktestRun.Window window, double lo, double hi) {
        return search(k -> BacktestRun.run(Scenarios.scaleIt(scenario, k), strategy, settings, config, window, -1)
                .score(), lo, hi);
    }
}
