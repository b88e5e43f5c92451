package io.plantd.controller.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plantd.controller.policy.ChillerPoints;
import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.policy.OperatingMode;
import io.plantd.controller.policy.Reason;
import io.plantd.drivers.point.PointId;
import io.plantd.drivers.point.PointStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SIGTERM path on a real-time loop: posture on every chiller, bounded even when devices hang. */
class ShutdownSequenceTest {
    static final PointId CMD1 = PointId.of("chiller-1", ChillerPoints.DRIVE_MODE_CMD);
    static final PointId CMD2 = PointId.of("chiller-2", ChillerPoints.DRIVE_MODE_CMD);

    final RecordingPointWriter device = new RecordingPointWriter();
    final Actuator actuator = new Actuator(
            List.of(ControlLoopTest.chiller("ch1", "chiller-1"), ControlLoopTest.chiller("ch2", "chiller-2")),
            device, Duration.ofSeconds(60));
    final CommandQueue commands = new CommandQueue(8,
            new CommandValidator(Set.of("ch1", "ch2"), 10_000, Duration.ofHours(1), Duration.ofHours(24)));
    final List<CycleReport> reports = Collections.synchronizedList(new ArrayList<>());
    final List<String> shutdowns = Collections.synchronizedList(new ArrayList<>());
    final ScriptedStep step = new ScriptedStep(Ticker.system()).commands(i -> List.of(
            new DriveCommand("ch1", DriveMode.ENGINE, 0, Reason.CAP_PREDICTED_EXCEEDED, "predicted 9600 > cap 9500"),
            new DriveCommand("ch2", DriveMode.MOTOR, 0, Reason.STEADY, "")));
    final PublishHub hub = PublishHub.start("recorder", new CycleListener() {
        @Override
        public void onCycle(CycleReport report) {
            reports.add(report);
        }

        @Override
        public void onShutdown() {
            shutdowns.add("offline");
        }
    }, 16);
    ControlLoop loop;

    @AfterEach
    void stop() {
        if (loop != null) {
            loop.stop(Duration.ofSeconds(2));
        }
        device.releaseHanging();
    }

    ControlLoop startLoop() {
        loop = new ControlLoop(Duration.ofMillis(100), new PointStore(), (image, now) -> TestReports.grid(), commands,
                step, actuator, List.of(hub), Clock.systemUTC(), Ticker.system(), Sleeper.parking());
        loop.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> loop.cycles() >= 3 && device.register(CMD1) != null);
        return loop;
    }

    @Test
    void writesThePostureToEveryChillerPublishesItAndGoesOffline() {
        startLoop();
        ShutdownSequence seq = new ShutdownSequence(loop, commands, actuator, DriveMode.LOCAL, List.of(hub),
                ShutdownSequence.Budget.standard(), Ticker.system(), Clock.systemUTC());
        ShutdownSequence.Outcome outcome = seq.run();

        assertThat(outcome.loopStopped()).isTrue();
        assertThat(outcome.postureVerified()).isEqualTo(2);
        assertThat(outcome.publishersClosed()).isTrue();
        assertThat(outcome.took()).isLessThan(Duration.ofSeconds(10));
        assertThat(device.register(CMD1)).isEqualTo(0.0);
        assertThat(device.register(CMD2)).isEqualTo(0.0);
        assertThat(loop.isRunning()).isFalse();

        CycleReport last = reports.get(reports.size() - 1);
        assertThat(last.changes()).extracting(CommandChange::reason).containsOnly(Reason.SHUTDOWN_POSTURE);
        assertThat(last.changes()).extracting(CommandChange::chillerId, CommandChange::from, CommandChange::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ch1", DriveMode.ENGINE, DriveMode.LOCAL),
                        org.assertj.core.groups.Tuple.tuple("ch2", DriveMode.MOTOR, DriveMode.LOCAL));
        assertThat(last.changes().get(0).detail()).contains("verified");
        assertThat(shutdowns).containsExactly("offline");

        // Idempotent: a second SIGTERM (or hook plus explicit call) changes nothing.
        int writes = device.writes().size();
        assertThat(seq.run()).isSameAs(outcome);
        assertThat(device.writes()).hasSize(writes);
        assertThat(shutdowns).containsExactly("offline");
    }

    @Test
    void staysInsideItsBudgetWhenDeviceWritesAndAPublisherHang() throws Exception {
        startLoop();
        PublishHubTest.SlowListener stuck = new PublishHubTest.SlowListener();
        PublishHub stuckHub = PublishHub.start("stuck", stuck, 2);
        stuckHub.onCycle(PublishHubTest.report(0));
        assertThat(stuck.started.await(2, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        device.setDefault(RecordingPointWriter.Behaviour.HANG);

        ShutdownSequence.Budget budget = new ShutdownSequence.Budget(
                Duration.ofMillis(1500), Duration.ofMillis(500), Duration.ofMillis(800));
        ShutdownSequence.Outcome outcome = new ShutdownSequence(loop, commands, actuator, DriveMode.LOCAL,
                List.of(hub, stuckHub), budget, Ticker.system(), Clock.systemUTC()).run();

        assertThat(outcome.postureUnconfirmed()).isEqualTo(2);
        assertThat(outcome.postureVerified()).isZero();
        assertThat(outcome.publishersClosed()).isFalse();
        // The bound is the point of the test; the slack only absorbs scheduler noise on 2 busy cores.
        assertThat(outcome.took()).isLessThan(Duration.ofMillis(1500 + 1000));
        assertThat(device.writesTo(CMD1)).last().extracting(RecordingPointWriter.Write::value).isEqualTo(0.0);
        assertThat(shutdowns).containsExactly("offline");
        CycleReport last = reports.get(reports.size() - 1);
        assertThat(last.changes()).allSatisfy(c -> assertThat(c.detail()).contains("no read-back within 800 ms"));
        stuck.release.countDown();
    }

    @Test
    void inMonitorOnlyNothingIsWritten() {
        step.mode(OperatingMode.MONITOR_ONLY);
        loop = new ControlLoop(Duration.ofMillis(100), new PointStore(), (image, now) -> TestReports.grid(), commands,
                step, actuator, List.of(hub), Clock.systemUTC(), Ticker.system(), Sleeper.parking());
        loop.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> loop.cycles() >= 2);
        ShutdownSequence.Outcome outcome = new ShutdownSequence(loop, commands, actuator, DriveMode.LOCAL, List.of(hub),
                ShutdownSequence.Budget.standard(), Ticker.system(), Clock.systemUTC()).run();
        assertThat(outcome.postureSkipped()).isTrue();
        assertThat(device.writes()).isEmpty();
        assertThat(shutdowns).containsExactly("offline");
    }
}
