package io.plantd.sim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scripted chiller faults acting on the model. */
class FaultScriptsModelTest {
    PlantModel plant;
    ChillerModel ch1;
    ChillerModel ch2;
    double t = 1_780_000_000;
    int hb;

    @BeforeEach
    void setUp() {
        plant = new PlantModel(List.of(ChillerSpec.of("ch1", 500, 0.6, 200), ChillerSpec.of("ch2", 500, 0.6, 200)),
                s -> 2800.0, new Weather(30, 0, 15, 0, 0), 0.1, 100, 10_000, 1, 0);
        ch1 = plant.chiller("ch1");
        ch2 = plant.chiller("ch2");
        plant.stepSeconds(t, 0);
    }

    void seconds(int n) {
        for (int i = 0; i < n; i++) {
            hb++;
            ch1.writeHeartbeat(hb);
            ch2.writeHeartbeat(hb);
            t += 1;
            plant.stepSeconds(t, 1);
        }
    }

    @Test
    void startFailureNeverConfirmsAndLatchesUntilMotorIsCommanded() {
        ch1.setStartFailureFault(true);
        seconds(1);
        ch1.writeDriveMode(DriveCode.ENGINE);
        seconds(89); // pre-lube 80 s + crank 10 s
        assertThat(ch1.engineStartFailed()).isFalse();
        seconds(1);
        assertThat(ch1.engineStartFailed()).isTrue();
        assertThat(ch1.engineReady()).isFalse();
        seconds(600);
        assertThat(ch1.engineRunning()).isFalse();
        assertThat(ch1.statusCode()).isEqualTo(DriveCode.MOTOR);
        assertThat(ch1.starts()).isEqualTo(1);
        assertThat(ch1.failedStarts()).isEqualTo(1);
        ch1.writeDriveMode(DriveCode.MOTOR);
        seconds(1);
        assertThat(ch1.engineStartFailed()).isFalse();
        assertThat(ch1.engineReady()).isTrue();
    }

    @Test
    void tripStopsTheEngineAndTheMotorTakesTheLoadBack() {
        seconds(1);
        ch1.writeDriveMode(DriveCode.ENGINE);
        seconds(200);
        assertThat(ch1.motorKw()).isZero();
        ch1.trip();
        seconds(1);
        assertThat(ch1.engineRunning()).isFalse();
        assertThat(ch1.engineReady()).isFalse();
        seconds(4);
        assertThat(ch1.motorKw()).isCloseTo(ch2.motorKw(), within(1e-6));
        assertThat(ch1.statusCode()).isEqualTo(DriveCode.MOTOR);
        assertThat(ch1.trips()).isEqualTo(1);
        // still commanded ENGINE: no automatic restart while the trip is latched
        seconds(400);
        assertThat(ch1.starts()).isEqualTo(1);
        ch1.writeDriveMode(DriveCode.MOTOR);
        seconds(1);
        assertThat(ch1.engineReady()).isTrue();
    }

    @Test
    void gasLossMakesTheEngineUnavailableAndStopsARunningOne() {
        seconds(1);
        ch1.writeDriveMode(DriveCode.ENGINE);
        seconds(200);
        ch1.setGasLoss(true);
        ch2.setGasLoss(true);
        seconds(1);
        assertThat(ch1.gasPressureLow()).isTrue();
        assertThat(ch1.engineReady()).isFalse();
        assertThat(ch1.engineRunning()).isFalse();
        ch2.writeDriveMode(DriveCode.ENGINE);
        seconds(300);
        assertThat(ch2.starts()).isZero();
        assertThat(ch2.statusCode()).isEqualTo(DriveCode.MOTOR);
        ch2.setGasLoss(false);
        seconds(1);
        assertThat(ch2.engineReady()).isTrue();
        assertThat(ch2.stage()).isEqualTo(EngineStage.PRELUBE);
    }

    @Test
    void chillerFaultMovesItsLoadToTheOthers() {
        seconds(1);
        double before = ch2.tons();
        ch1.setChillerFault(true);
        seconds(1);
        assertThat(ch1.tons()).isZero();
        assertThat(ch1.motorKw()).isZero();
        assertThat(ch2.tons()).isCloseTo(Math.min(500, 2 * before), within(1e-9));
        assertThat(plant.unmetTons()).isCloseTo(2800 / PlantModel.KW_PER_TON - 500, within(1e-9));
        assertThat(ch1.engineReady()).isFalse();
    }

    @Test
    void meterFreezeNoiseWordOrderAndDropout() {
        seconds(1);
        double frozen = plant.meter().siteKw();
        plant.meter().setFrozen(true);
        plant.setOtherFixedKw(500);
        seconds(10);
        assertThat(plant.meter().siteKw()).isEqualTo(frozen);
        assertThat(plant.siteKw()).isCloseTo(frozen + 400, within(1e-6));
        plant.meter().setFrozen(false);
        plant.meter().setWordOrderFault(true);
        seconds(1);
        assertThat(plant.meter().siteKw()).isEqualTo(MeterModel.swapWords(plant.siteKw()));
        assertThat(MeterModel.swapWords(plant.meter().siteKw())).isCloseTo(plant.siteKw(), within(0.01));
        plant.meter().setWordOrderFault(false);
        plant.meter().setNoiseKw(50);
        double sumSq = 0;
        for (int i = 0; i < 2000; i++) {
            seconds(1);
            double e = plant.meter().siteKw() - plant.siteKw();
            sumSq += e * e;
        }
        assertThat(Math.sqrt(sumSq / 2000)).isBetween(45.0, 55.0);
        plant.setDropout("meter", true);
        assertThat(plant.responding("meter")).isFalse();
        assertThat(plant.responding("ch1")).isTrue();
    }
}
