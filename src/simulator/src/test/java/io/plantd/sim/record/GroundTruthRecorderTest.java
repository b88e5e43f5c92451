package io.plantd.sim.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plantd.sim.Simulation;
import io.plantd.sim.TestScenarios;
import io.plantd.sim.model.ChillerModel;
import io.plantd.sim.model.DriveCode;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroundTruthRecorderTest {
    static final String FLAT = """
            name: flat
            start: 2026-07-20T14:00:00Z
            durationS: 600
            site:
              serviceCapacityKw: 5000
              otherLoad: { fractionOfIt: 0.1, fixedKw: 200 }
              weather: { baseC: 30, diurnalAmplitudeC: 0 }
              itLoad: { profile: { baseKw: 2800 } }
              chillers:
                - { id: ch1, capacityTons: 500, trueLeadTimeS: 100, cooldownS: 0 }
                - { id: ch2, capacityTons: 500, trueLeadTimeS: 100 }
            timeline:
              - { at: 60, set: { eventLevel: 2, capLimitKw: 3500, eventStartAtS: 120, eventEndAtS: 600 } }
              - { at: 300, fault: { type: dropout, device: meter } }
            """;

    @Test
    void countsSecondsAndEnergyOverTheCapInForce() {
        Simulation sim = new Simulation(TestScenarios.parse(FLAT));
        GroundTruthRecorder rec = sim.record(new GroundTruthRecorder());
        while (!sim.finished()) {
            sim.advance(1);
        }
        double site = sim.model().siteKw(); // constant: flat IT, chillers under local control
        assertThat(site).isBetween(3500.0, 5000.0);
        RunSummary s = rec.summary();
        assertThat(s.seconds()).isEqualTo(601);
        assertThat(s.secondsOverCap()).isEqualTo(480); // seconds 120..599
        assertThat(s.worstOvershootKw()).isCloseTo(site - 3500, within(1e-6));
        assertThat(s.kwhOverCap()).isCloseTo(480 * (site - 3500) / 3600, within(1e-6));
        assertThat(s.siteKwh()).isCloseTo(601 * site / 3600, within(1e-6));
        assertThat(rec.secondsOver(site - 1)).isEqualTo(601);
        assertThat(rec.secondsOver(site + 1)).isZero();
        assertThat(s.unmetTonHours()).isZero();
    }

    @Test
    void subSecondStepsAreSampledOncePerSecond() {
        Simulation sim = new Simulation(TestScenarios.parse(FLAT));
        GroundTruthRecorder rec = sim.record(new GroundTruthRecorder());
        while (!sim.finished()) {
            sim.advance(0.1);
        }
        assertThat(rec.summary().seconds()).isEqualTo(601);
        assertThat(rec.summary().secondsOverCap()).isEqualTo(480);
    }

    @Test
    void countsEngineStartsAndTheBusiestHour() {
        Simulation sim = new Simulation(TestScenarios.parse(FLAT.replace("durationS: 600", "durationS: 7200")));
        GroundTruthRecorder rec = sim.record(new GroundTruthRecorder());
        ChillerModel ch1 = sim.model().chiller("ch1");
        int hb = 0;
        // a start every 200 s for the first 1000 s (5 starts), then one more at 5000 s
        while (!sim.finished()) {
            long t = Math.round(sim.elapsedS());
            boolean engine = (t < 1000 && t % 200 < 100) || (t >= 5000 && t < 5100);
            ch1.writeDriveMode(engine ? DriveCode.ENGINE : DriveCode.MOTOR);
            ch1.writeHeartbeat(++hb);
            sim.advance(1);
        }
        assertThat(rec.engineStarts("ch1")).isEqualTo(6);
        assertThat(rec.maxStartsInAnyHour("ch1")).isEqualTo(5);
        assertThat(rec.engineStarts("ch2")).isZero();
        assertThat(rec.maxStartsInAnyHour("ch2")).isZero();
    }

    @Test
    void writesOneCsvRowPerSecondWithChillersFaultsAndEvents() throws Exception {
        StringWriter out = new StringWriter();
        Simulation sim = new Simulation(TestScenarios.parse(FLAT));
        try (GroundTruthRecorder rec = sim.record(new GroundTruthRecorder(out))) {
            while (!sim.finished()) {
                sim.advance(1);
            }
        }
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(602);
        assertThat(lines.get(0)).startsWith("t_s,time,site_kw,meter_site_kw,it_kw,other_kw,motor_kw,cap_kw,over_cap_kw,")
                .contains(",ch1_cmd,ch1_mode,ch1_stage,ch1_engine_share,ch1_motor_kw,ch1_tons,ch2_cmd,")
                .endsWith(",faults,events");
        assertThat(lines.get(61)).startsWith("60,2026-07-20T14:01:00Z,")
                .endsWith(",set eventLevel=2; set capLimitKw=3500; set eventStartAtS=120; set eventEndAtS=600");
        assertThat(lines.get(121)).contains(",3500.0,");
        assertThat(lines.get(301)).contains("LOCAL,LOCAL,OFF").contains(",meter:dropout,fault dropout meter");
        int columns = lines.get(0).split(",", -1).length;
        assertThat(lines).allSatisfy(l -> assertThat(l.split(",", -1)).hasSize(columns));
    }

    @Test
    void sameSeedSameGroundTruth() {
        String scenario = FLAT.replace("{ baseKw: 2800 }",
                "{ baseKw: 2800, noiseKw: 30, spikes: { perHour: 6, minKw: 50, maxKw: 300 } }");
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        for (StringWriter w : List.of(a, b)) {
            Simulation sim = new Simulation(TestScenarios.parse(scenario));
            sim.record(new GroundTruthRecorder(w));
            while (!sim.finished()) {
                sim.advance(1);
            }
            sim.addObserver(x -> { });
        }
        assertThat(a.toString()).isEqualTo(b.toString());
        StringWriter c = new StringWriter();
        Simulation other = new Simulation(TestScenarios.parse(scenario.replace("durationS: 600", "durationS: 600\nseed: 99")));
        GroundTruthRecorder rc = other.record(new GroundTruthRecorder(c));
        while (!other.finished()) {
            other.advance(1);
        }
        assertThat(rc.summary().seconds()).isEqualTo(601);
        assertThat(c.toString()).isNotEqualTo(a.toString());
    }
}
