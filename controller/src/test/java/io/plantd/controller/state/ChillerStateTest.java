package io.plantd.controller.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.controller.command.Command.OverrideMode;
import io.plantd.controller.policy.DriveMode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChillerStateTest {
    private static final long T = Instant.parse("2026-12-31T23:00:00Z").toEpochMilli();

    @Test
    void countsStartsInTheRollingHourOnly() {
        ChillerState s = new ChillerState("ch1");
        for (int i = 0; i < 3; i++) {
            s.command(DriveMode.ENGINE, 1, EngineRole.CAP, T + i * 1_200_000L);
            s.command(DriveMode.MOTOR, 0, EngineRole.NONE, T + i * 1_200_000L + 600_000L);
        }
        assertThat(s.startsInLastHour(T + 2_400_001L)).isEqualTo(3);
        assertThat(s.startsInLastHour(T + 3_600_000L)).isEqualTo(2);
        assertThat(s.totalStarts()).isEqualTo(3);
        assertThat(s.engineStoppedAtMs()).isEqualTo(T + 3_000_000L);
    }

    @Test
    void learnedLeadTimeIsAHighPercentileNeverBelowTheFloor() {
        ChillerState s = new ChillerState("ch1");
        assertThat(s.learnedLeadTimeS(300)).isEqualTo(300);
        double[] samples = {200, 250, 260, 240, 420, 230, 250, 245, 255, 265};
        long t = T;
        for (double sample : samples) {
            s.command(DriveMode.ENGINE, 1, EngineRole.CAP, t);
            s.loadOff(t + (long) (sample * 1000));
            s.command(DriveMode.MOTOR, 0, EngineRole.NONE, t + 2_000_000);
            t += 4_000_000;
        }
        // 90th percentile (nearest rank) of the ten samples is 265; floor 200 does not bind
        assertThat(s.learnedLeadTimeS(200)).isEqualTo(265);
        assertThat(s.learnedLeadTimeS(300)).isEqualTo(300);
    }

    @Test
    void yearlyHoursRestartOnFirstJanuary() {
        ChillerState s = new ChillerState("ch1");
        s.addRunTime(1800, T);
        assertThat(s.yearRunHours(T)).isEqualTo(0.5);
        long nextYear = Instant.parse("2027-01-01T00:30:00Z").toEpochMilli();
        assertThat(s.yearRunHours(nextYear)).isZero();
        s.addRunTime(3600, nextYear);
        assertThat(s.yearRunHours(nextYear)).isEqualTo(1.0);
        assertThat(s.engineRunSeconds()).isEqualTo(5400);
    }

    @Test
    void overridesAndLockoutsExpire() {
        ChillerState s = new ChillerState("ch1");
        s.override(OverrideMode.MOTOR, T + 1000);
        assertThat(s.overrideAt(T)).isEqualTo(OverrideMode.MOTOR);
        assertThat(s.overrideAt(T + 1000)).isEqualTo(OverrideMode.AUTO);
        s.lockOut(T + 5000, "fail to start");
        assertThat(s.lockedOut(T + 4999)).isTrue();
        assertThat(s.lockedOut(T + 5000)).isFalse();
    }

    @Test
    void adoptionOfARunningEngineStartsItsMinRunClockWithoutCountingAStart() {
        ChillerState s = new ChillerState("ch1");
        s.adopt(DriveMode.ENGINE, 1, true, T);
        assertThat(s.onEngineSide()).isTrue();
        assertThat(s.engineStartedAtMs()).isEqualTo(T);
        assertThat(s.totalStarts()).isZero();
        assertThat(s.startPending()).isFalse();
        assertThat(s.engineConfirmed()).isTrue();
    }
}
