package io.plantd.controller.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.controller.policy.ChillerPoints;
import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.policy.OperatingMode;
import io.plantd.controller.policy.Reason;
import io.plantd.drivers.point.PointId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The actuator against an in-memory register bank that verifies, fails or holds writes. */
class ActuatorTest {
    static final PointId CMD1 = PointId.of("chiller-1", ChillerPoints.DRIVE_MODE_CMD);
    static final PointId HB1 = PointId.of("chiller-1", ChillerPoints.HEARTBEAT);
    static final PointId SHARE1 = PointId.of("chiller-1", ChillerPoints.ENGINE_SHARE_CMD);
    static final PointId CMD2 = PointId.of("chiller-2", ChillerPoints.DRIVE_MODE_CMD);
    static final PointId HB2 = PointId.of("chiller-2", ChillerPoints.HEARTBEAT);
    static final long S = 1_000_000_000L;

    final RecordingPointWriter device = new RecordingPointWriter();
    final Actuator actuator = new Actuator(
            List.of(ControlLoopTest.chiller("ch1", "chiller-1"), ControlLoopTest.chiller("ch2", "chiller-2")),
            device, Duration.ofSeconds(30));
    long nanos;

    static DriveCommand cmd(String id, DriveMode mode) {
        return new DriveCommand(id, mode, 0, Reason.STEADY, "");
    }

    void cycle(OperatingMode mode, DriveCommand... commands) {
        actuator.apply(List.of(commands), mode, Instant.EPOCH.plusNanos(nanos), nanos);
        nanos += S;
    }

    void cycle(DriveCommand... commands) {
        cycle(OperatingMode.AUTO, commands);
    }

    static List<Double> values(List<RecordingPointWriter.Write> writes) {
        return writes.stream().map(RecordingPointWriter.Write::value).toList();
    }

    @Test
    void writesTheDriveModeOnlyWhenItChanges() {
        cycle(cmd("ch1", DriveMode.MOTOR), cmd("ch2", DriveMode.MOTOR));
        cycle(cmd("ch1", DriveMode.MOTOR), cmd("ch2", DriveMode.MOTOR));
        cycle(cmd("ch1", DriveMode.ENGINE), cmd("ch2", DriveMode.MOTOR));
        cycle(cmd("ch1", DriveMode.ENGINE), cmd("ch2", DriveMode.MOTOR));
        assertThat(values(device.writesTo(CMD1))).containsExactly(1.0, 2.0);
        assertThat(values(device.writesTo(CMD2))).containsExactly(1.0);
        assertThat(device.register(CMD1)).isEqualTo(2.0);
    }

    @Test
    void reassertsAnUnchangedCommandWhenThePeriodRunsOut() {
        for (int i = 0; i < 65; i++) {
            cycle(cmd("ch1", DriveMode.ENGINE));
        }
        // Written at 0 s, re-asserted at 30 s and 60 s.
        assertThat(device.writesTo(CMD1)).hasSize(3);
    }

    @Test
    void writesAnIncrementingHeartbeatToEveryChillerEachCycleWrappingAt65535() {
        for (int i = 0; i < 3; i++) {
            cycle(cmd("ch1", DriveMode.MOTOR));
        }
        assertThat(values(device.writesTo(HB1))).containsExactly(1.0, 2.0, 3.0);
        assertThat(values(device.writesTo(HB2))).containsExactly(1.0, 2.0, 3.0);
        for (int i = 3; i < 65_536; i++) {
            cycle(cmd("ch1", DriveMode.MOTOR));
        }
        List<Double> hb = values(device.writesTo(HB1));
        assertThat(hb.subList(hb.size() - 3, hb.size())).containsExactly(65534.0, 65535.0, 0.0);
        cycle(cmd("ch1", DriveMode.MOTOR));
        assertThat(device.register(HB1)).isEqualTo(1.0);
    }

    @Test
    void skipsAndCountsAWriteWhileThePreviousOneOnThatPointIsPending() {
        device.set(CMD1, RecordingPointWriter.Behaviour.HANG);
        cycle(cmd("ch1", DriveMode.MOTOR));
        cycle(cmd("ch1", DriveMode.ENGINE));
        cycle(cmd("ch1", DriveMode.ENGINE));
        assertThat(values(device.writesTo(CMD1))).containsExactly(1.0);
        assertThat(actuator.writesSkippedPending()).isEqualTo(2);
        // Heartbeats on the same device are separate points and keep going.
        assertThat(device.writesTo(HB1)).hasSize(3);

        device.set(CMD1, RecordingPointWriter.Behaviour.OK);
        device.releaseHanging();
        cycle(cmd("ch1", DriveMode.ENGINE));
        assertThat(values(device.writesTo(CMD1))).containsExactly(1.0, 2.0);
        assertThat(device.register(CMD1)).isEqualTo(2.0);
    }

    @Test
    void aFailedReadBackRaisesAnAlarmWithTheReasonRetriesAndClearsOnSuccess() {
        device.set(CMD1, RecordingPointWriter.Behaviour.FAIL_READBACK);
        cycle(cmd("ch1", DriveMode.ENGINE));
        assertThat(actuator.alarms()).isEmpty(); // results are checked at the start of the next cycle
        cycle(cmd("ch1", DriveMode.ENGINE));
        assertThat(actuator.alarms()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("write-failed-ch1");
            assertThat(a.severity()).isEqualTo(Alarm.Severity.CRITICAL);
            assertThat(a.message()).contains("drive_mode_cmd").contains("read-back 0 != 2.0");
            assertThat(a.since()).isEqualTo(Instant.EPOCH.plusSeconds(1));
        });
        // Not confirmed, so written again on the next cycle rather than waiting for the re-assert.
        assertThat(device.writesTo(CMD1)).hasSize(2);
        assertThat(actuator.writesFailed()).isEqualTo(1);

        device.set(CMD1, RecordingPointWriter.Behaviour.OK);
        cycle(cmd("ch1", DriveMode.ENGINE));
        assertThat(actuator.alarms()).singleElement().extracting(Alarm::since).isEqualTo(Instant.EPOCH.plusSeconds(1));
        cycle(cmd("ch1", DriveMode.ENGINE));
        assertThat(actuator.alarms()).isEmpty();
        assertThat(device.writesTo(CMD1)).hasSize(3);
    }

    @Test
    void aWriterThatThrowsCountsAsAFailedWriteNotACrash() {
        device.set(HB2, RecordingPointWriter.Behaviour.THROW);
        cycle(cmd("ch1", DriveMode.MOTOR), cmd("ch2", DriveMode.MOTOR));
        cycle(cmd("ch1", DriveMode.MOTOR), cmd("ch2", DriveMode.MOTOR));
        assertThat(actuator.alarms()).extracting(Alarm::id).containsExactly("write-failed-ch2");
        assertThat(actuator.alarms().get(0).message()).contains("heartbeat").contains("device executor rejected");
    }

    @Test
    void monitorOnlyWritesNothingAndBackInAutoEverythingIsWrittenAgain() {
        cycle(cmd("ch1", DriveMode.ENGINE));
        device.clearLog();
        cycle(OperatingMode.MONITOR_ONLY, cmd("ch1", DriveMode.MOTOR));
        cycle(OperatingMode.MONITOR_ONLY, cmd("ch1", DriveMode.ENGINE));
        assertThat(device.writes()).isEmpty();
        cycle(cmd("ch1", DriveMode.ENGINE));
        assertThat(values(device.writesTo(CMD1))).containsExactly(2.0);
    }

    @Test
    void blendWritesTheShareInPercentBeforeTheModeAndRewritesItWhenItChanges() {
        cycle(new DriveCommand("ch1", DriveMode.BLEND, 0.4, Reason.CAP_PREDICTED_EXCEEDED, "blend 40 %"));
        List<RecordingPointWriter.Write> w = device.writes();
        assertThat(w.indexOf(new RecordingPointWriter.Write(SHARE1, 40.0)))
                .isGreaterThanOrEqualTo(0)
                .isLessThan(w.indexOf(new RecordingPointWriter.Write(CMD1, 3.0)));
        cycle(new DriveCommand("ch1", DriveMode.BLEND, 0.6, Reason.CAP_PREDICTED_EXCEEDED, "blend 60 %"));
        assertThat(values(device.writesTo(SHARE1))).containsExactly(40.0, 60.0);
        assertThat(device.writesTo(CMD1)).hasSize(1);
        cycle(cmd("ch1", DriveMode.MOTOR));
        assertThat(device.writesTo(SHARE1)).hasSize(2);
    }

    @Test
    void aCommandForAnUnknownChillerIsIgnored() {
        cycle(cmd("ch9", DriveMode.ENGINE));
        assertThat(device.writes()).extracting(RecordingPointWriter.Write::point).containsOnly(HB1, HB2);
    }

    @Test
    void thePostureIsWrittenEvenOverAPendingWriteAndStopsLaterWrites() {
        device.set(CMD1, RecordingPointWriter.Behaviour.HANG);
        cycle(cmd("ch1", DriveMode.ENGINE), cmd("ch2", DriveMode.ENGINE));
        device.set(CMD1, RecordingPointWriter.Behaviour.OK);
        List<Actuator.PostureWrite> posture = actuator.writePosture(DriveMode.LOCAL, Duration.ofMillis(100));
        assertThat(posture).extracting(Actuator.PostureWrite::chillerId).containsExactly("ch1", "ch2");
        assertThat(posture).extracting(Actuator.PostureWrite::from).containsExactly(DriveMode.ENGINE, DriveMode.ENGINE);
        assertThat(posture).allSatisfy(p -> assertThat(p.result().join().ok()).isTrue());
        assertThat(device.register(CMD1)).isEqualTo(0.0);
        int before = device.writes().size();
        cycle(cmd("ch1", DriveMode.ENGINE));
        assertThat(device.writes()).hasSize(before);
    }
}
