package io.plantd.controller.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.drivers.point.PointStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Schedule invariants of the loop for any sequence of cycle durations, on a fake ticker. */
class ControlLoopSchedulePropertyTest {
    static final long P = 1_000_000_000L;

    record Run(List<Long> starts, List<Long> lateness, ControlLoop loop) {
    }

    Run run(List<Long> work) {
        FakeTime time = new FakeTime();
        ScriptedStep step = new ScriptedStep(time).work(work::get);
        ControlLoop loop = new ControlLoop(Duration.ofNanos(P), new PointStore(), (i, n) -> TestReports.grid(),
                new CommandQueue(1, new CommandValidator(Set.of(), 1, Duration.ofHours(1), Duration.ofHours(1))),
                step, new Actuator(List.of(), new RecordingPointWriter(), Duration.ofSeconds(60)), List.of(),
                time.clock(), time, time);
        List<Long> lateness = new ArrayList<>();
        loop.onTiming((late, duration, ok) -> {
            lateness.add(late);
            if (lateness.size() >= work.size()) {
                loop.stop(Duration.ZERO);
            }
        });
        loop.runOnCurrentThread();
        return new Run(step.calledAtNanos, lateness, loop);
    }

    @Property(tries = 300)
    void ticksStayOnTheGridAndNoTickIsEverRunTwiceOrInABurst(
            @ForAll @Size(min = 1, max = 40) List<@LongRange(min = 0, max = 4_500_000_000L) Long> work) {
        Run r = run(work);
        long t0 = r.starts().get(0);
        long previousTick = -1;
        for (int k = 0; k < r.starts().size(); k++) {
            long late = r.lateness().get(k);
            long tick = r.starts().get(k) - late - t0;
            assertThat(late).isBetween(0L, P - 1); // never a whole period late: older ticks were skipped
            assertThat(tick % P).isZero(); // no drift: every cycle belongs to a grid tick
            assertThat(tick).isGreaterThan(previousTick); // each tick runs at most once
            previousTick = tick;
        }
        // Every grid tick up to the last one either ran or was counted as skipped.
        assertThat(previousTick / P + 1).isEqualTo(r.loop().cycles() + r.loop().skippedTicks());
        // No burst: in any window of n periods at most n + 1 cycles start.
        for (int i = 0; i < r.starts().size(); i++) {
            for (int j = i + 1; j < r.starts().size(); j++) {
                long span = r.starts().get(j) - r.starts().get(i);
                assertThat((long) (j - i)).isLessThanOrEqualTo(span / P + 1);
            }
        }
        long overruns = work.subList(0, work.size() - 1).stream().filter(w -> w > P).count();
        assertThat(r.loop().overruns()).isGreaterThanOrEqualTo(overruns);
    }
}
