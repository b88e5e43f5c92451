package io.plantd.controller.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plantd.controller.policy.ChillerPoints;
import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.policy.Reason;
import io.plantd.drivers.point.PointId;
import io.plantd.drivers.point.PointStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Smoke test on the real clock: the thread runs, writes, publishes and stops. No timing claims. */
class ControlLoopRealTimeTest {
    @Test
    void runsOnItsOwnThreadAndStopsCleanly() {
        RecordingPointWriter device = new RecordingPointWriter();
        Actuator actuator = new Actuator(List.of(ControlLoopTest.chiller("ch1", "chiller-1")), device,
                Duration.ofSeconds(60));
        ScriptedStep step = new ScriptedStep(Ticker.system()).commands(i -> List.of(
                new DriveCommand("ch1", DriveMode.MOTOR, 0, Reason.STEADY, "")));
        AtomicLong published = new AtomicLong();
        AtomicLong hooks = new AtomicLong();
        ControlLoop loop = new ControlLoop(Duration.ofMillis(100), new PointStore(), (image, now) -> TestReports.grid(),
                new CommandQueue(4, new CommandValidator(Set.of("ch1"), 10_000, Duration.ofHours(1), Duration.ofHours(24))),
                step, actuator, List.of(r -> published.incrementAndGet()), Clock.systemUTC(), Ticker.system(),
                Sleeper.parking());
        loop.onSuccess(hooks::incrementAndGet);
        loop.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> loop.cycles() >= 5);
        assertThat(loop.stop(Duration.ofSeconds(5))).isTrue();
        long cycles = loop.cycles();
        assertThat(published.get()).isEqualTo(cycles);
        assertThat(hooks.get()).isEqualTo(cycles);
        assertThat(device.writesTo(PointId.of("chiller-1", ChillerPoints.HEARTBEAT))).hasSize((int) cycles);
        assertThat(loop.firstGoodCycleDone()).isTrue();
        // Generous: 5+ cycles at 100 ms take at least 400 ms of ticks; far fewer skipped than run.
        assertThat(loop.skippedTicks()).isLessThan(cycles);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> loop.cycles() == cycles);
    }
}
