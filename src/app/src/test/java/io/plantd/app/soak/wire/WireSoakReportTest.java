package io.plantd.app.soak.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plantd.app.decisions.DecisionLogFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The judgement of a network soak on a hand-made run. */
class WireSoakReportTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant WALL = Instant.parse("2026-11-27T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void excusesOnlyFaultsRestartsAndInfeasibilityAndCountsAlarmsPerFault() throws Exception {
        var settings = new WireSoakRun.Settings(10_000 / 3600.0, 1, 0, 0, 0, 1.2, 100, Path.of("."));
        var session = new WireSoakRun.Session(settings, null, START, null, 0, java.util.Map.of(), null, null);
        session.applied.add(new WireSoakRun.Session.Applied(
                new WireFault(WireFault.Kind.DEVICE_TIMEOUT, "meter", 1900, 200), 1900, 2100, WALL));
        session.applied.add(new WireSoakRun.Session.Applied(
                new WireFault(WireFault.Kind.EXCEPTION_RESPONSES, "ch1", 3000, 100), 3000, 3100, WALL));
        session.applied.add(new WireSoakRun.Session.Applied(
                new WireFault(WireFault.Kind.SOCKET_DROP, "ch2", 4000, 0), 4000, 4000, WALL));
        session.applied.add(new WireSoakRun.Session.Applied(
                new WireFault(WireFault.Kind.BROKER_OUTAGE, WireFault.BROKER, 4500, 300), 4500, 4800, WALL));
        session.incarnations.add(new DaemonLifetime(1, 0, 5, 7000, true, Optional.of(137), 6990, 3, 30, 110, ""));
        session.incarnations.add(new DaemonLifetime(2, 7000, 7200, 10_000, false, Optional.of(0), 2800, 1, 31, 112,
                "12:00 WARN plant state: backup used\n"
                        + "2026-11-27T12:58:04.067Z ERROR [mqtt-worker] i.p.c.m.MqttNorthbound - worker error\n"));
        List<TruthWatch.Excursion> over = List.of(
                new TruthWatch.Excursion(100, 50, false),   // first 900 s: engines still starting
                new TruthWatch.Excursion(2500, 70, false),  // meter timeout recovering (2100 + 900)
                new TruthWatch.Excursion(4010, 20, false),  // after a socket drop: not excused
                new TruthWatch.Excursion(4600, 10, false),  // during a broker outage: not excused
                new TruthWatch.Excursion(5000, 90, true),   // every unit on engine or unable
                new TruthWatch.Excursion(6000, 40, false),  // plantd declared the cap infeasible
                new TruthWatch.Excursion(7100, 60, false),  // restart gap
                new TruthWatch.Excursion(8050, 60, false),  // still recovering from the restart (7200 + 900)
                new TruthWatch.Excursion(9500, 30, false)); // nothing to blame but the controller
        var log = new DecisionLogFile.Contents(List.of(
                alarm("alarm-raised", "meter-stale", 1903),
                alarm("alarm-cleared", "meter-stale", 2110),
                alarm("alarm-raised", "cap-infeasible", 5990),
                alarm("alarm-cleared", "cap-infeasible", 6100),
                alarm("alarm-raised", "chiller-stale-ch2", 4020),
                alarm("alarm-raised", "chiller-local-revert-ch1", 3090),
                alarm("alarm-raised", "engine-trip-ch1", 3095)), List.of("decisions.jsonl:7: {\"ts\":"));

        WireSoakReport r = WireSoakReport.judge(new WireSoakReport.Inputs(settings, 10_000, START, session, over, log,
                List.of(WALL.minusSeconds(60), WALL.plusSeconds(3)), 12, 9, 2, 4, 100));

        assertThat(r.overCapS()).isEqualTo(9);
        assertThat(r.excusedByFaultOrRestartS()).isEqualTo(4);
        assertThat(r.excusedNoEngineS()).isEqualTo(1);
        assertThat(r.excusedInfeasibleS()).isEqualTo(1);
        assertThat(r.controllerOverCapS()).isEqualTo(3);
        assertThat(r.worstOverKw()).isEqualTo(90);
        assertThat(r.faults().get(WireFault.Kind.DEVICE_TIMEOUT)).containsExactly(1, 1, 1);
        assertThat(r.faults().get(WireFault.Kind.EXCEPTION_RESPONSES)).containsExactly(1, 1, 0);
        assertThat(r.faults().get(WireFault.Kind.BROKER_OUTAGE)).containsExactly(1, 1, 1);
        assertThat(r.reconnectWallS()).containsExactly(3.0);
        assertThat(r.spuriousAlarmsAfterSocketDrops()).isEqualTo(1);
        assertThat(r.kills()).isEqualTo(1);
        assertThat(r.crashes()).isZero();
        assertThat(r.cleanFinalStop()).isTrue();
        assertThat(r.conservativeRestores()).isEqualTo(1);
        assertThat(r.tornLogLines()).isEqualTo(1);
        assertThat(r.alarmsRaised()).isEqualTo(5);
        assertThat(r.engineFaultAlarms()).as("no engine fault is injected").isEqualTo(1);
        assertThat(r.localRevertAlarms()).isEqualTo(1);
        assertThat(r.errorLines()).containsExactly(
                java.util.Map.entry("ERROR [mqtt-worker] i.p.c.m.MqttNorthbound - worker error", 1));
        assertThat(r.passed()).as("3 s over the cap are the controller's").isFalse();
        assertThat(r.toMarkdown("test")).contains("| seconds over the cap attributable to the controller | 3 |")
                .contains("| restart gaps (SIGKILL to /healthz, simulated s) | 200 |").contains("\nFAILED\n")
                .contains("(chiller-local-revert) | 1 / 1 |")
                .endsWith("  1 × ERROR [mqtt-worker] i.p.c.m.MqttNorthbound - worker error\n");
    }

    private static DecisionLogFile.Entry alarm(String event, String id, long atS) throws Exception {
        Instant ts = START.plusSeconds(atS);
        return new DecisionLogFile.Entry(ts, event, JSON.readTree(
                "{\"ts\":\"" + ts + "\",\"event\":\"" + event + "\",\"alarm\":\"" + id + "\"}"));
    }
}
