package io.plantd.sim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Engine start sequence, transitions and the heartbeat watchdog, in accelerated time (1 s steps). */
class ChillerStartSequenceTest {
    static final double T0 = 1_780_000_000;
    static final double LEAD = 300;

    PlantModel plant;
    ChillerModel ch;
    double t;
    int hb;

    @BeforeEach
    void setUp() {
        ChillerSpec spec = ChillerSpec.of("ch1", 500, 0.6, LEAD);
        plant = new PlantModel(List.of(spec), s -> 1500.0, new Weather(30, 0, 15, 0, 0), 0.1, 100, 10_000, 1, 0);
        ch = plant.chiller("ch1");
        t = T0;
        plant.stepSeconds(t, 0);
    }

    /** One second with a live heartbeat (what plantd does every cycle). */
    void second() {
        ch.writeHeartbeat(++hb);
        t += 1;
        plant.stepSeconds(t, 1);
    }

    void seconds(int n) {
        for (int i = 0; i < n; i++) {
            second();
        }
    }

    double motorOnlyKw() {
        double tons = 1500.0 / PlantModel.KW_PER_TON;
        return tons * Efficiency.kwPerTon(0.6, tons / 500, 30);
    }

    @Test
    void motorCarriesTheLoadUntilTheRampAndTheLoadIsOffTheGridAfterExactlyTheTrueLeadTime() {
        second();
        assertThat(ch.statusCode()).isEqualTo(DriveCode.LOCAL);
        ch.writeDriveMode(DriveCode.MOTOR);
        second();
        assertThat(ch.statusCode()).isEqualTo(DriveCode.MOTOR);
        assertThat(ch.writeDriveMode(DriveCode.ENGINE)).isTrue();
        // pre-lube 120 s + crank 15 s + warm-up 105 s: motor still carries everything
        seconds(240);
        assertThat(ch.stage()).isEqualTo(EngineStage.RUNNING);
        assertThat(ch.motorKw()).isCloseTo(motorOnlyKw(), within(1e-6));
        assertThat(ch.engineRunning()).isTrue();
        // ramp 60 s: half way, half the motor load is gone
        seconds(30);
        assertThat(ch.motorKw()).isCloseTo(motorOnlyKw() / 2, within(1e-6));
        assertThat(ch.statusCode()).isEqualTo(DriveCode.BLEND);
        seconds(29);
        assertThat(ch.motorKw()).isGreaterThan(0);
        second(); // 300 s after the command
        assertThat(ch.motorKw()).isZero();
        assertThat(ch.statusCode()).isEqualTo(DriveCode.ENGINE);
        assertThat(ch.starts()).isEqualTo(1);
    }

    @Test
    void phasesFollowPrelubeCrankWarmupRunning() {
        second();
        ch.writeDriveMode(DriveCode.ENGINE);
        second();
        assertThat(ch.stage()).isEqualTo(EngineStage.PRELUBE);
        seconds(119);
        assertThat(ch.stage()).isEqualTo(EngineStage.CRANK);
        assertThat(ch.engineRunning()).isFalse();
        seconds(15);
        assertThat(ch.stage()).isEqualTo(EngineStage.WARMUP);
        assertThat(ch.engineRunning()).isTrue();
    }

    @Test
    void engineToMotorIsQuickThenTheEngineCoolsDownUnloaded() {
        second();
        ch.writeDriveMode(DriveCode.ENGINE);
        seconds(300);
        assertThat(ch.motorKw()).isZero();
        ch.writeDriveMode(DriveCode.MOTOR);
        seconds(5);
        assertThat(ch.motorKw()).isCloseTo(motorOnlyKw(), within(1e-6));
        assertThat(ch.statusCode()).isEqualTo(DriveCode.MOTOR);
        assertThat(ch.stage()).isEqualTo(EngineStage.COOLDOWN);
        seconds(300);
        assertThat(ch.stage()).isEqualTo(EngineStage.OFF);
        assertThat(ch.engineRunning()).isFalse();
        // turning from warm-up (135 s after the command) until the cool-down ends
        assertThat(ch.engineRunHours()).isCloseTo((300 - 135 + 300) / 3600.0, within(1.5 / 3600.0));
    }

    @Test
    void restartDuringCooldownOnlyNeedsTheRamp() {
        second();
        ch.writeDriveMode(DriveCode.ENGINE);
        seconds(300);
        ch.writeDriveMode(DriveCode.MOTOR);
        seconds(10);
        ch.writeDriveMode(DriveCode.ENGINE);
        seconds(62);
        assertThat(ch.motorKw()).isZero();
        assertThat(ch.starts()).isEqualTo(1);
    }

    @Test
    void blendCarriesTheCommandedShareOnTheEngine() {
        second();
        ch.writeEngineSharePct(40);
        ch.writeDriveMode(DriveCode.BLEND);
        seconds(300);
        assertThat(ch.engineShare()).isCloseTo(0.4, within(1e-9));
        assertThat(ch.motorKw()).isCloseTo(0.6 * motorOnlyKw(), within(1e-6));
        assertThat(ch.statusCode()).isEqualTo(DriveCode.BLEND);
    }

    @Test
    void watchdogRevertsToLocalWhenTheHeartbeatStopsChanging() {
        second();
        ch.writeDriveMode(DriveCode.ENGINE);
        seconds(300);
        assertThat(ch.statusCode()).isEqualTo(DriveCode.ENGINE);
        // plantd dies: the heartbeat register keeps its last value
        for (int i = 0; i < 59; i++) {
            ch.writeHeartbeat(hb);
            t += 1;
            plant.stepSeconds(t, 1);
        }
        assertThat(ch.effectiveCode()).isEqualTo(DriveCode.ENGINE);
        t += 1;
        plant.stepSeconds(t, 1);
        assertThat(ch.effectiveCode()).isEqualTo(DriveCode.LOCAL);
        assertThat(ch.statusCode()).isEqualTo(DriveCode.LOCAL);
        assertThat(ch.watchdogReverts()).isEqualTo(1);
        for (int i = 0; i < 5; i++) {
            t += 1;
            plant.stepSeconds(t, 1);
        }
        assertThat(ch.motorKw()).isCloseTo(motorOnlyKw(), within(1e-6));
        assertThat(ch.commandCode()).isEqualTo(DriveCode.ENGINE);
        // heartbeat resumes: the written command applies again
        second();
        assertThat(ch.effectiveCode()).isEqualTo(DriveCode.ENGINE);
    }

    @Test
    void withoutAnyHeartbeatTheUnitStaysUnderLocalControl() {
        ch.writeDriveMode(DriveCode.ENGINE);
        for (int i = 0; i < 400; i++) {
            t += 1;
            plant.stepSeconds(t, 1);
        }
        assertThat(ch.effectiveCode()).isEqualTo(DriveCode.LOCAL);
        assertThat(ch.stage()).isEqualTo(EngineStage.OFF);
        assertThat(ch.starts()).isZero();
    }

    @Test
    void refusesInvalidWrites() {
        assertThat(ch.writeDriveMode(4)).isFalse();
        assertThat(ch.writeDriveMode(-1)).isFalse();
        assertThat(ch.writeEngineSharePct(101)).isFalse();
        assertThat(ch.commandCode()).isEqualTo(DriveCode.LOCAL);
        ChillerModel noBlend = new ChillerModel(new ChillerSpec("x", 500, 0.6, 300, false, 60, 300, 5));
        assertThat(noBlend.writeDriveMode(DriveCode.BLEND)).isFalse();
        assertThat(noBlend.writeEngineSharePct(50)).isFalse();
    }

    @Test
    void largeStepsGiveTheSameLeadTime() {
        ch.writeHeartbeat(1);
        ch.writeDriveMode(DriveCode.ENGINE);
        for (int i = 0; i < 6; i++) {
            ch.writeHeartbeat(2 + i);
            t += 50;
            plant.stepSeconds(t, 50);
        }
        assertThat(ch.motorKw()).isZero();
        assertThat(ch.engineShare()).isEqualTo(1.0);
    }
}
