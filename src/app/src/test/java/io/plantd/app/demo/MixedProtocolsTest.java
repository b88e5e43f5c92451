package io.plantd.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plantd.app.broker.EmbeddedBroker;
import io.plantd.app.daemon.Daemon;
import io.plantd.controller.config.Connection;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.config.SiteConfigLoader;
import io.plantd.controller.cycle.ChillerStatus;
import io.plantd.controller.cycle.CommandChange;
import io.plantd.controller.cycle.CycleListener;
import io.plantd.controller.cycle.CycleReport;
import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.policy.Reason;
import io.plantd.drivers.bacnet.codec.ObjectIdentifier;
import io.plantd.drivers.bacnet.codec.ObjectTypes;
import io.plantd.sim.SimulatorRunner;
import io.plantd.sim.bacnet.BacnetObjectTable;
import io.plantd.sim.model.ChillerModel;
import io.plantd.sim.model.DriveCode;
import io.plantd.sim.scenario.Scenario;
import io.plantd.sim.scenario.ScenarioLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's acceptance: a site mixing Modbus and BACnet chillers, controlled identically. The
 * shipped mixed-protocols scenario and site config run in-process in real time (simulator on
 * ephemeral ports, embedded broker, the real daemon); the scenario's ramp is made steep and its
 * engines quick so that all four engines are dispatched and running within seconds.
 */
class MixedProtocolsTest {
    private static final Path ROOT = Path.of(System.getProperty("plantd.root", "../.."));
    private static final List<String> CHILLERS = List.of("ch1", "ch2", "ch3", "ch4");
    /** generic-bacnet-hybrid-chiller: drive_mode_cmd is AV 1, heartbeat AV 3. */
    private static final ObjectIdentifier DRIVE_MODE_CMD = new ObjectIdentifier(ObjectTypes.ANALOG_VALUE, 1);
    private static final ObjectIdentifier HEARTBEAT = new ObjectIdentifier(ObjectTypes.ANALOG_VALUE, 3);

    static Scenario quickVariant() throws Exception {
        Path file = ROOT.resolve("config/scenarios/mixed-protocols.yaml");
        String shipped = Files.readString(file);
        String ramp = "- { at: 15, ramp: { itOffsetKw: 800, overS: 180 } }";
        assertThat(shipped).contains(ramp).contains("ch4: { port: 47809, instance: 1004 }");
        // +3 MW within 12 s needs every engine; 10 s true lead time (the simulator's minimum) shows them running soon
        String quick = shipped.replace(ramp, "- { at: 2, ramp: { itOffsetKw: 3000, overS: 10 } }")
                .replaceAll("trueLeadTimeS: \\d+", "trueLeadTimeS: 10");
        return ScenarioLoader.parse(file, quick);
    }

    @Test
    void theBacnetChillerIsReadCommandedAndHandedBackExactlyLikeTheModbusOnes(@TempDir Path dir) throws Exception {
        SiteConfig shipped = SiteConfigLoader.load(ROOT.resolve("config/sites/sim-mixed-protocols.yaml"));
        assertThat(shipped.device("ch4").orElseThrow().connection()).isInstanceOf(Connection.BacnetIp.class);
        assertThat(shipped.device("ch1").orElseThrow().connection()).isInstanceOf(Connection.ModbusTcp.class);

        ConcurrentLinkedQueue<CycleReport> reports = new ConcurrentLinkedQueue<>();
        CycleListener collect = reports::add;
        try (SimulatorRunner sim = SimulatorRunner.start(quickVariant(),
                SimulatorRunner.Options.realTime().withBasePort(0).withLogEvery(Duration.ZERO));
             EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            assertThat(sim.bacnetEndpoints()).singleElement().satisfies(e -> {
                assertThat(e.deviceId()).isEqualTo("ch4");
                assertThat(e.deviceInstance()).isEqualTo(1004);
            });
            SiteConfig bound = DemoSite.bind(shipped, sim.endpoints(), sim.bacnetEndpoints(), broker.url(), 0, dir);
            BacnetObjectTable ch4Objects = sim.bacnetTable("ch4").orElseThrow();

            Daemon daemon = Daemon.start(bound, Clock.systemUTC(), Map.of("test", collect));
            try {
                // every chiller, BACnet or Modbus, is dispatched to ENGINE with a reason and ends up running on it
                await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    CycleReport last = last(reports);
                    return last != null && last.chillers().stream().allMatch(
                            c -> c.commanded() == DriveMode.ENGINE && c.actual() == DriveMode.ENGINE);
                });
                CycleReport last = last(reports);
                for (ChillerStatus c : last.chillers()) {
                    assertThat(c.stale()).as(c.id() + " data fresh").isFalse();
                    assertThat(c.reason()).as(c.id()).isNotNull();
                    assertThat(c.reasonDetail()).as(c.id()).isNotBlank();
                }
                List<CommandChange> toEngine = reports.stream().flatMap(r -> r.changes().stream())
                        .filter(ch -> ch.to() == DriveMode.ENGINE).toList();
                assertThat(toEngine).extracting(CommandChange::chillerId).containsAll(CHILLERS);
                // each start is a cap dispatch with its numbers (measured or predicted breach, by timing)
                for (String id : CHILLERS) {
                    CommandChange start = toEngine.stream().filter(ch -> ch.chillerId().equals(id)).findFirst()
                            .orElseThrow();
                    assertThat(start.reason()).as(id).isIn(Reason.CAP_EXCEEDED, Reason.CAP_PREDICTED_EXCEEDED);
                    assertThat(start.detail()).as(id).contains("effective cap");
                }
                // from the first cycle with data on, the BACnet chiller was never stale, like the Modbus ones
                List<CycleReport> afterStart = reports.stream().skip(3).toList();
                assertThat(afterStart).isNotEmpty().allSatisfy(r -> assertThat(r.chillers())
                        .allSatisfy(c -> assertThat(c.stale()).as(r.sequence() + " " + c.id()).isFalse()));

                // read-back on the units themselves: the command landed in ch4's priority array at 10
                for (String id : CHILLERS) {
                    assertThat(chiller(sim, id).commandCode()).as(id).isEqualTo(DriveCode.ENGINE);
                    assertThat(chiller(sim, id).statusCode()).as(id).isEqualTo(DriveCode.ENGINE);
                }
                assertThat(ch4Objects.prioritySlot(DRIVE_MODE_CMD, 10)).isEqualTo(DriveCode.ENGINE);
                assertThat(ch4Objects.prioritySlot(DRIVE_MODE_CMD, 8)).isNaN();

                // the heartbeat reaches the BACnet chiller at priority 10 and keeps changing, so no watchdog revert
                double hb1 = ch4Objects.prioritySlot(HEARTBEAT, 10);
                assertThat(hb1).isPositive();
                await().atMost(Duration.ofSeconds(5)).until(() -> ch4Objects.prioritySlot(HEARTBEAT, 10) != hb1);
                assertThat(chiller(sim, "ch4").heartbeat()).isPositive();
                for (String id : CHILLERS) {
                    assertThat(chiller(sim, id).watchdogReverts()).as(id).isZero();
                }

                // the BACnet device's polls succeed as the Modbus ones do
                String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + daemon.metricsPort().orElseThrow() + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                for (String id : CHILLERS) {
                    assertThat(metrics).containsPattern("plantd_device_up\\{[^}]*device=\"" + id + "\"[^}]*\\} 1(\\.0)?\\n");
                }
                assertThat(metrics).containsPattern("plantd_device_up\\{[^}]*device=\"ch4\"[^}]*protocol=\"bacnet");
                // the daemon's MQTT session to the embedded broker shows in the gauge (set from the metrics consumer)
                URI scrape = URI.create("http://127.0.0.1:" + daemon.metricsPort().orElseThrow() + "/metrics");
                await().atMost(Duration.ofSeconds(10)).until(() -> HttpClient.newHttpClient()
                        .send(HttpRequest.newBuilder(scrape).build(), HttpResponse.BodyHandlers.ofString()).body()
                        .matches("(?s).*\\nplantd_mqtt_connected 1(\\.0)?\\n.*"));
            } finally {
                daemon.close();
            }

            // shutdown posture LOCAL written to all four, the BACnet one included (a write, not a relinquish)
            await().atMost(Duration.ofSeconds(3)).until(() -> CHILLERS.stream()
                    .allMatch(id -> chiller(sim, id).commandCode() == DriveCode.LOCAL));
            assertThat(ch4Objects.prioritySlot(DRIVE_MODE_CMD, 10)).isEqualTo(DriveCode.LOCAL);
        }
    }

    private static CycleReport last(ConcurrentLinkedQueue<CycleReport> reports) {
        CycleReport last = null;
        for (CycleReport r : reports) {
            last = r;
        }
        return last;
    }

    private static ChillerModel chiller(SimulatorRunner sim, String id) {
        return sim.inspect(s -> s.model().chiller(id));
    }
}
