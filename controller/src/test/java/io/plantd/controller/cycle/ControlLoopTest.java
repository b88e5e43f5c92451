package io.plantd.controller.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantd.controller.command.Command;
import io.plantd.controller.command.CommandResult;
import io.plantd.controller.config.ChillerConfig;
import io.plantd.controller.config.EngineLimits;
import io.plantd.controller.policy.ChillerPoints;
import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.policy.Reason;
import io.plantd.drivers.point.PointId;
import io.plantd.drivers.point.PointStore;
import io.plantd.drivers.point.PointValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The loop against a fake monotonic ticker: exact tick times, overruns, skips, failures. */
class ControlLoopTest {
    static final long P = Duration.ofSeconds(1).toNanos();
    static final PointId HB1 = PointId.of("chiller-1", ChillerPoints.HEARTBEAT);

    final FakeTime time = new FakeTime();
    final PointStore store = new PointStore();
    final RecordingPointWriter writer = new RecordingPointWriter();
    final Actuator actuator = new Actuator(List.of(chiller("ch1", "chiller-1")), writer, Duration.ofSeconds(60));
    final CommandQueue commands = new CommandQueue(8,
            new CommandValidator(Set.of("ch1"), 10_000, Duration.ofHours(1), Duration.ofHours(24)));
    final List<CycleReport> published = Collections.synchronizedList(new ArrayList<>());

    static ChillerConfig chiller(String id, String device) {
        return new ChillerConfig(id, device, 500, 0.6, true, new EngineLimits(300, 900, 600, 4, 4000, 1800, 0.07, 0.02));
    }

    ControlLoop loop(ScriptedStep step) {
        return new ControlLoop(Duration.ofSeconds(1), store, (image, now) -> TestReports.grid(), commands, step,
                actuator, List.of(published::add), time.clock(), time, time);
    }

    /** Runs the loop on this thread until the step has been called {@code n} times. */
    ControlLoop runCycles(ScriptedStep step, int n) {
        ControlLoop loop = loop(step);
        step.afterCall(() -> {
            if (step.calledAtNanos.size() >= n) {
                loop.stop(Duration.ZERO);
            }
        });
        loop.runOnCurrentThread();
        return loop;
    }

    List<Long> relativeTicks(ScriptedStep step) {
        long t0 = step.calledAtNanos.get(0);
        return step.calledAtNanos.stream().map(t -> t - t0).toList();
    }

    @Test
    void ticksStayOnTheFixedGridWhateverTheCycleTakes() {
        ScriptedStep step = new ScriptedStep(time).work(i -> (i % 3) * 170_000_000L + 1_234_567L);
        ControlLoop loop = runCycles(step, 10);
        List<Long> expected = new ArrayList<>();
        for (long k = 0; k < 10; k++) {
            expected.add(k * P);
        }
        assertThat(relativeTicks(step)).containsExactlyElementsOf(expected);
        assertThat(loop.overruns()).isZero();
        assertThat(loop.skippedTicks()).isZero();
        assertThat(loop.cycles()).isEqualTo(10);
    }

    @Test
    void aFirstTickDelayShiftsTheWholeGrid() {
        ScriptedStep step = new ScriptedStep(time).work(i -> 3_000_000L);
        ControlLoop loop = loop(step);
        step.afterCall(() -> {
            if (step.calledAtNanos.size() >= 4) {
                loop.stop(Duration.ZERO);
            }
        });
        long started = time.nanos();
        loop.runOnCurrentThread(Duration.ofMillis(200));

        List<Long> sinceStart = step.calledAtNanos.stream().map(t -> t - started).toList();
        assertThat(sinceStart).containsExactly(200_000_000L, 200_000_000L + P, 200_000_000L + 2 * P,
                200_000_000L + 3 * P);
        assertThat(loop.overruns()).isZero();
        assertThat(loop.skippedTicks()).isZero();
    }

    @Test
    void aFirstTickDelayBeyondOnePeriodIsRejected() {
        ControlLoop loop = loop(new ScriptedStep(time));
        assertThatThrownBy(() -> loop.start(Duration.ofMillis(1001))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> loop.start(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(loop.isRunning()).isFalse();
    }

    @Test
    void aCycleLongerThanOnePeriodRunsTheLateTickOnceWithoutSkipping() {
        ScriptedStep step = new ScriptedStep(time).work(i -> i == 1 ? P + P / 2 : 0L);
        ControlLoop loop = runCycles(step, 5);
        // cycle 1 starts at P and ends at 2.5P: tick 2P runs late at 2.5P, then back on the grid.
        assertThat(relativeTicks(step)).containsExactly(0L, P, 2 * P + P / 2, 3 * P, 4 * P);
        assertThat(loop.overruns()).isEqualTo(1);
        assertThat(loop.skippedTicks()).isZero();
    }

    @Test
    void missedTicksAreSkippedNeverBurst() {
        ScriptedStep step = new ScriptedStep(time).work(i -> i == 2 ? 3 * P + P / 2 : 0L);
        ControlLoop loop = runCycles(step, 6);
        // cycle 2 runs from 2P to 5.5P: ticks 3P and 4P are skipped, tick 5P runs once at 5.5P.
        assertThat(relativeTicks(step)).containsExactly(0L, P, 2 * P, 5 * P + P / 2, 6 * P, 7 * P);
        assertThat(loop.overruns()).isEqualTo(1);
        assertThat(loop.skippedTicks()).isEqualTo(2);
        assertThat(published.get(published.size() - 1).overrunsTotal()).isEqualTo(1);
    }

    @Test
    void periodOutsideTheAllowedRangeIsRefused() {
        ScriptedStep step = new ScriptedStep(time);
        for (Duration bad : List.of(Duration.ofMillis(99), Duration.ofMillis(10_001))) {
            assertThatThrownBy(() -> new ControlLoop(bad, store, (i, n) -> TestReports.grid(), commands, step, actuator,
                    List.of(), time.clock(), time, time))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("between 100 ms and 10 s");
        }
    }

    @Test
    void eachCycleReadsAFrozenImageAtTheCycleTimeAndFillsTheTiming() {
        store.declare(PointId.of("meter", "site_power"), 5000);
        store.put(PointId.of("meter", "site_power"), PointValue.good(9000, "kW", FakeTime.EPOCH.toEpochMilli()));
        List<Double> seen = new ArrayList<>();
        ScriptedStep step = new ScriptedStep(time).work(i -> 5_000_000L);
        ControlLoop loop = new ControlLoop(Duration.ofSeconds(1), store, (image, now) -> {
            seen.add(image.get("meter", "site_power").value());
            assertThat(image.takenAtMillis()).isEqualTo(now.toEpochMilli());
            return TestReports.grid();
        }, commands, step, actuator, List.of(published::add), time.clock(), time, time);
        step.afterCall(() -> {
            if (step.calls() >= 2) {
                loop.stop(Duration.ZERO);
            }
        });
        assertThat(loop.firstGoodCycleDone()).isFalse();
        loop.runOnCurrentThread();
        assertThat(seen).containsExactly(9000.0, 9000.0);
        assertThat(published).hasSize(2);
        assertThat(published.get(0).durationNanos()).isGreaterThanOrEqualTo(5_000_000L);
        assertThat(loop.firstGoodCycleDone()).isTrue();
        assertThat(loop.lastSuccess()).contains(FakeTime.EPOCH.plusSeconds(1));
        assertThat(step.calledAt).containsExactly(FakeTime.EPOCH, FakeTime.EPOCH.plusSeconds(1));
    }

    @Test
    void aFailingStepIsCountedAlarmedAndHoldsTheLastCommandsWhileTheLoopGoesOn() {
        ScriptedStep step = new ScriptedStep(time)
                .commands(i -> List.of(new DriveCommand("ch1", DriveMode.ENGINE, 0, Reason.CAP_PREDICTED_EXCEEDED, "x")))
                .failOn(Set.of(2, 3));
        List<Integer> writesPerCycle = new ArrayList<>();
        ControlLoop loop = loop(step);
        List<Integer> hooks = new ArrayList<>();
        loop.onSuccess(() -> hooks.add(step.calls()));
        loop.onTiming((lateness, duration, ok) -> {
            writesPerCycle.add(writer.writesTo(HB1).size());
            if (step.calls() >= 6) {
                loop.stop(Duration.ZERO);
            }
        });
        loop.runOnCurrentThread();

        assertThat(loop.cycles()).isEqualTo(4);
        assertThat(loop.failures()).isEqualTo(2);
        assertThat(hooks).containsExactly(1, 2, 5, 6);
        // No heartbeat (nor anything else) written in the failed cycles 2 and 3.
        assertThat(writesPerCycle).containsExactly(1, 2, 2, 2, 3, 4);
        assertThat(writer.writesTo(PointId.of("chiller-1", ChillerPoints.DRIVE_MODE_CMD))).hasSize(1);
        // Reports: ok, ok, failed (alarm), failed (alarm), ok (cleared), ok.
        assertThat(published).hasSize(6);
        assertThat(published.get(2).alarms()).extracting(Alarm::id).containsExactly(ControlLoop.CYCLE_FAILED);
        assertThat(published.get(2).alarms().get(0).message()).contains("scripted failure in cycle 2");
        assertThat(published.get(3).alarms().get(0).since()).isEqualTo(published.get(2).alarms().get(0).since());
        assertThat(published.get(2).changes()).isEmpty();
        assertThat(published.get(4).alarms()).isEmpty();
    }

    @Test
    void validCommandsReachTheStepAndAreAnsweredOnceItRan() throws Exception {
        Instant inAnHour = FakeTime.EPOCH.plus(Duration.ofMinutes(30));
        CompletableFuture<CommandResult> ok = commands.submit(
                new Command.Override("bms", "ch1", Command.OverrideMode.ENGINE, inAnHour));
        CompletableFuture<CommandResult> unknown = commands.submit(
                new Command.Override("bms", "ch9", Command.OverrideMode.ENGINE, inAnHour));
        CompletableFuture<CommandResult> expired = commands.submit(
                new Command.TemporaryCap("bms", 8000, FakeTime.EPOCH.minusSeconds(1)));
        ScriptedStep step = new ScriptedStep(time);
        runCycles(step, 2);

        assertThat(step.received.get(0)).containsExactly(
                new Command.Override("bms", "ch1", Command.OverrideMode.ENGINE, inAnHour));
        assertThat(step.received.get(1)).isEmpty();
        CommandResult r = ok.get(2, TimeUnit.SECONDS);
        assertThat(r.ok()).isTrue();
        assertThat(r.applied()).isEqualTo("override ch1 ENGINE");
        assertThat(r.validUntil()).contains(inAnHour);
        assertThat(unknown.get(2, TimeUnit.SECONDS).reason()).contains("unknown chiller 'ch9'");
        assertThat(expired.get(2, TimeUnit.SECONDS).reason()).contains("not in the future");
    }

    @Test
    void commandsOfAFailedCycleAreRefusedNotSilentlyDropped() throws Exception {
        CompletableFuture<CommandResult> f = commands.submit(
                new Command.Mode("bms", java.util.Optional.of(io.plantd.controller.policy.OperatingMode.MONITOR_ONLY),
                        java.util.Optional.empty()));
        ScriptedStep step = new ScriptedStep(time).failOn(Set.of(0));
        runCycles(step, 1);
        CommandResult r = f.get(2, TimeUnit.SECONDS);
        assertThat(r.ok()).isFalse();
        assertThat(r.reason()).startsWith("not applied: control cycle failed");
    }
}
