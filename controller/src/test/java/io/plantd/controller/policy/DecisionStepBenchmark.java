package io.plantd.controller.policy;

import io.plantd.controller.config.ChillerConfig;
import io.plantd.controller.cycle.GridStatus;
import io.plantd.controller.cycle.StepOutput;
import io.plantd.drivers.point.ProcessImage;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One estimate-and-decide step ({@link PolicyCycleStep#step}) for a 16-chiller site, replaying
 * two hours of recorded frames (a load that ramps over the cap, steps and drops, so engines
 * start, hold and return) with the clock advancing 1 s per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecisionStepBenchmark {
    static final int CHILLERS = 16;
    static final int SECONDS = 7200;

    private ProcessImage[] frames;
    private GridStatus[] grids;
    private PolicyCycleStep step;
    private Instant now;
    private int next;
    private final List<io.plantd.controller.command.Command> none = List.of();

    @Setup
    public void record() {
        TestSite site = TestSite.site();
        site.serviceKw = 14_000;
        site.releaseDelayS = 300;
        double[] sizes = {150, 200, 400, 500};
        for (int i = 0; i < CHILLERS; i++) {
            site.chillers.add(new ChillerConfig("ch" + (i + 1), "ch" + (i + 1) + "-dev", sizes[i % 4], 0.6,
                    i % 3 == 0, TestSite.limits(300, 900, 600, 3, 4000, 1800)));
        }
        Harness h = new Harness(site.build());
        h.recordFrames = true;
        // 10 → 13.5 MW IT over 40 min, a 400 kW step, then back down: the cap binds then releases
        h.itProfile = t -> {
            double ramp = 9000 + Math.min(t, 2400) * 1.2;
            double step = t > 3000 && t < 4200 ? 400 : 0;
            double fall = t > 4800 ? -Math.min(t - 4800, 1500) * 1.5 : 0;
            return ramp + step + fall + 30 * Math.sin(t / 7.0);
        };
        h.run(SECONDS);
        frames = h.frames.toArray(new ProcessImage[0]);
        grids = h.frameGrids.toArray(new GridStatus[0]);
        step = new PolicyCycleStep(h.config);
        now = Harness.T0;
        next = 0;
    }

    @Benchmark
    public StepOutput decide() {
        int i = next;
        next = i + 1 == frames.length ? 0 : i + 1;
        StepOutput out = step.step(frames[i], grids[i], now, none);
        now = now.plusSeconds(1);
        return out;
    }
}
