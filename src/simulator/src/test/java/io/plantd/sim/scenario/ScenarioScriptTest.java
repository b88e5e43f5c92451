package io.plantd.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plantd.sim.Simulation;
import io.plantd.sim.TestScenarios;
import io.plantd.sim.model.ChillerModel;
import io.plantd.sim.model.DriveCode;
import org.junit.jupiter.api.Test;

/** Timeline entries reach the model at the right second: sets, ramps and every fault type. */
class ScenarioScriptTest {
    static final String SCRIPTED = """
            name: scripted
            start: 2026-07-20T14:00:00Z
            durationS: 2000
            site:
              serviceCapacityKw: 5000
              weather: { baseC: 30, diurnalAmplitudeC: 0 }
              itLoad: { profile: { baseKw: 2800 } }
              chillers:
                - { id: ch1, capacityTons: 500, trueLeadTimeS: 100 }
                - { id: ch2, capacityTons: 500, trueLeadTimeS: 100 }
              meter: { noiseKw: 5 }
            timeline:
              - { at: 100, ramp: { itOffsetKw: 400, overS: 200 } }
              - { at: 0, fault: { type: engine-start-failure, chiller: ch2 } }
              - { at: 200, fault: { type: engine-trip, chiller: ch1 } }
              - { at: 300, fault: { type: gas-pressure-loss } }
              - { at: 400, clear: { type: gas-pressure-loss } }
              - { at: 500, fault: { type: chiller-fault, chiller: ch2 } }
              - { at: 600, clear: { type: chiller-fault, chiller: ch2 } }
              - { at: 700, fault: { type: meter-freeze } }
              - { at: 800, clear: { type: meter-freeze } }
              - { at: 900, fault: { type: meter-noise, sigmaKw: 80 } }
              - { at: 1000, clear: { type: meter-noise } }
              - { at: 1100, fault: { type: meter-word-order } }
              - { at: 1200, clear: { type: meter-word-order } }
              - { at: 1300, fault: { type: dropout, device: ch1 } }
              - { at: 1400, clear: { type: dropout, device: ch1 } }
              - { at: 1500, set: { outage: 1, frequencyHz: 59.5 } }
            """;

    Simulation sim = new Simulation(TestScenarios.parse(SCRIPTED));
    int hb;

    void runTo(double t) {
        ChillerModel ch1 = sim.model().chiller("ch1");
        ChillerModel ch2 = sim.model().chiller("ch2");
        while (sim.elapsedS() < t) {
            hb++;
            ch1.writeHeartbeat(hb);
            ch2.writeHeartbeat(hb);
            ch1.writeDriveMode(DriveCode.ENGINE);
            ch2.writeDriveMode(DriveCode.ENGINE);
            sim.advance(1);
        }
    }

    @Test
    void appliesEachEntryAtItsSecond() {
        runTo(99);
        assertThat(sim.model().itOffsetKw()).isZero();
        runTo(200);
        assertThat(sim.model().itOffsetKw()).isCloseTo(200, within(1e-9)); // half way up the ramp
        ChillerModel ch1 = sim.model().chiller("ch1");
        ChillerModel ch2 = sim.model().chiller("ch2");
        assertThat(ch1.trips()).isEqualTo(1);
        assertThat(ch1.engineRunning()).isFalse();
        runTo(300);
        assertThat(sim.model().itOffsetKw()).isEqualTo(400);
        assertThat(ch2.engineStartFailed()).isTrue(); // its one start failed after pre-lube + crank
        assertThat(ch1.gasPressureLow()).isTrue();
        assertThat(ch2.gasPressureLow()).isTrue();
        assertThat(sim.script().activeFaults()).isEqualTo("all:gas-pressure-loss ch2:engine-start-failure");
        runTo(400);
        assertThat(ch1.gasPressureLow()).isFalse();
        runTo(500);
        assertThat(ch2.faulted()).isTrue();
        assertThat(ch2.tons()).isZero();
        runTo(600);
        assertThat(ch2.faulted()).isFalse();
        runTo(700);
        double frozen = sim.model().meter().siteKw();
        runTo(799);
        assertThat(sim.model().meter().siteKw()).isEqualTo(frozen);
        runTo(800);
        assertThat(sim.model().meter().noiseKw()).isEqualTo(5);
        runTo(900);
        assertThat(sim.model().meter().noiseKw()).isEqualTo(80);
        runTo(1000);
        assertThat(sim.model().meter().noiseKw()).isEqualTo(5);
        runTo(1100);
        assertThat(sim.model().meter().wordOrderFault()).isTrue();
        runTo(1200);
        assertThat(sim.model().meter().wordOrderFault()).isFalse();
        runTo(1300);
        assertThat(sim.devices().byId("ch1").orElseThrow().responding()).isFalse();
        assertThat(sim.script().firedLastAdvance()).containsExactly("fault dropout ch1");
        runTo(1400);
        assertThat(sim.devices().byId("ch1").orElseThrow().responding()).isTrue();
        runTo(1500);
        assertThat(sim.model().grid().outage()).isTrue();
        assertThat(sim.model().meter().frequencyHz()).isEqualTo(59.5);
        assertThat(sim.script().activeFaults()).isEqualTo("ch2:engine-start-failure");
    }
}
