package io.plantd.sim.bacnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.plantd.drivers.bacnet.client.BacnetClient;
import io.plantd.drivers.bacnet.client.BacnetDevice;
import io.plantd.drivers.bacnet.client.BacnetDeviceOptions;
import io.plantd.drivers.bacnet.client.DeviceInfo;
import io.plantd.drivers.bacnet.client.RequestOptions;
import io.plantd.drivers.bacnet.codec.BacnetValue;
import io.plantd.drivers.bacnet.codec.ObjectIdentifier;
import io.plantd.drivers.bacnet.codec.ObjectTypes;
import io.plantd.drivers.bacnet.codec.PropertyIds;
import io.plantd.drivers.bacnet.codec.PropertyReference;
import io.plantd.drivers.bacnet.codec.WhoIs;
import io.plantd.drivers.bacnet.codec.WriteProperty;
import io.plantd.drivers.bacnet.transport.PeerAddress;
import io.plantd.drivers.point.PointValue;
import io.plantd.drivers.profile.DeviceProfile;
import io.plantd.drivers.profile.PointDef;
import io.plantd.drivers.profile.ProfileLoader;
import io.plantd.drivers.yaml.ConfigException;
import io.plantd.sim.SimulatorRunner;
import io.plantd.sim.TestScenarios;
import io.plantd.sim.model.ChillerModel;
import io.plantd.sim.model.DriveCode;
import io.plantd.sim.modbus.DeviceEndpoint;
import io.plantd.sim.scenario.Scenario;
import io.plantd.sim.scenario.ScenarioLoader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A scenario chiller served over BACnet/IP instead of Modbus, bound to the plant model: plantd-style
 * priority-10 writes drive the model through the priority array, an operator's priority-8 write
 * wins, and measurements follow the model.
 */
class BacnetServingTest {
    static final String CH2_OVER_BACNET = TestScenarios.TWO_CHILLERS.replace("serve: { basePort: 0 }",
            "serve: { basePort: 0, bacnet: { ch2: { port: 0, instance: 1002 } } }");

    private static int command(SimulatorRunner runner, String id) {
        return chiller(runner, id).commandCode();
    }

    /** Read the model between ticks: the runner's lock makes the model's fields visible. */
    private static ChillerModel chiller(SimulatorRunner runner, String id) {
        return runner.inspect(s -> s.model().chiller(id));
    }

    private static Scenario parse(String yaml) throws ConfigException {
        return ScenarioLoader.parse(Path.of("test.yaml"), yaml);
    }

    @Test
    void scenarioServeBacnetIsValidatedStrictly() throws ConfigException {
        Scenario ok = parse(CH2_OVER_BACNET);
        assertThat(ok.serve().bacnet()).containsExactly(Map.entry("ch2", new Scenario.BacnetServe(0, 1002)));
        assertThat(parse(TestScenarios.TWO_CHILLERS).serve().bacnet()).isEmpty();

        assertThatThrownBy(() -> parse(TestScenarios.TWO_CHILLERS.replace("serve: { basePort: 0 }",
                "serve: { basePort: 0, bacnet: { meter: { port: 0, instance: 1 }, ch9: { port: 0, instance: 2 },"
                        + " ch1: { port: 0, instance: 4194303 }, ch2: { port: 0, instance: 5, unitId: 1 } } }")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("test.yaml:")
                .hasMessageContaining("only chillers can be served over BACnet; no chiller 'meter'")
                .hasMessageContaining("no chiller 'ch9'")
                .hasMessageContaining("instance")
                .hasMessageContaining("unitId");
        assertThatThrownBy(() -> parse(TestScenarios.TWO_CHILLERS.replace("serve: { basePort: 0 }",
                "serve: { basePort: 0, bacnet: { ch1: { port: 47809, instance: 7 }, ch2: { port: 47809, instance: 7 } } }")))
                .hasMessageContaining("UDP port 47809 is already used by ch1")
                .hasMessageContaining("device instance 7 is already used by ch1");
        assertThatThrownBy(() -> parse(TestScenarios.TWO_CHILLERS.replace("serve: { basePort: 0 }",
                "serve: { basePort: 0, devices: { ch2: { port: 0 } }, bacnet: { ch2: { port: 0, instance: 7 } } }")))
                .hasMessageContaining("'ch2' is also listed under serve.devices (Modbus)");
        assertThatThrownBy(() -> parse(TestScenarios.TWO_CHILLERS.replace("serve: { basePort: 0 }",
                "serve: { basePort: 0, bacnet: { ch2: { instance: 7 } } }")))
                .hasMessageContaining("port");
    }

    @Test
    void theSimulatorsObjectLayoutIsTheShippedGenericBacnetProfile() throws ConfigException {
        DeviceProfile shipped = ProfileLoader.load(Path.of(System.getProperty("plantd.root", "../.."), "config",
                "profiles", BacnetChillerProfile.NAME + ".yaml"));
        DeviceProfile served = BacnetChillerProfile.profile();
        assertThat(served.name()).isEqualTo(shipped.name());
        assertThat(served.protocol()).isEqualTo(shipped.protocol());
        assertThat(served.kind()).isEqualTo(shipped.kind());
        assertThat(served.points()).extracting(PointDef::name)
                .containsExactlyElementsOf(shipped.points().stream().map(PointDef::name).toList());
        for (PointDef s : served.points()) {
            PointDef f = shipped.point(s.name()).orElseThrow();
            assertThat(s.address()).as(s.name()).isEqualTo(f.address());
            assertThat(s.writable()).as(s.name()).isEqualTo(f.writable());
            assertThat(s.unit()).as(s.name()).isEqualTo(f.unit());
        }
    }

    @Test
    void aScriptedDropoutSilencesTheBacnetDeviceUntilCleared() throws Exception {
        String yaml = CH2_OVER_BACNET.replace("timeline:\n", """
                timeline:
                  - { at: 2, fault: { type: dropout, device: ch2 } }
                  - { at: 40, clear: { type: dropout, device: ch2 } }
                """);
        SimulatorRunner.Options options = SimulatorRunner.Options.realTime().withSpeed(20).withBasePort(0)
                .withLogEvery(Duration.ZERO);
        try (SimulatorRunner runner = SimulatorRunner.start(parse(yaml), options);
             BacnetClient client = BacnetClient.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            BacnetEndpoint ep = runner.bacnetEndpoints().get(0);
            PeerAddress peer = PeerAddress.local(new InetSocketAddress(ep.host(), ep.port()));
            PropertyReference motor = PropertyReference.of(new ObjectIdentifier(ObjectTypes.ANALOG_INPUT, 2),
                    PropertyIds.PRESENT_VALUE);
            RequestOptions quick = new RequestOptions(Duration.ofMillis(150), 0);
            await().atMost(Duration.ofSeconds(5)).until(() -> runner.inspect(s -> s.elapsedS()) > 5);
            assertThatThrownBy(() -> client.readProperty(peer, motor, quick))
                    .isInstanceOf(io.plantd.drivers.bacnet.transport.BacnetTimeoutException.class);
            await().atMost(Duration.ofSeconds(8)).until(() -> runner.inspect(s -> s.elapsedS()) > 45);
            assertThat(client.readProperty(peer, motor, quick)).hasSize(1);
        }
    }

    @Test
    void aChillerServedOverBacnetFollowsTheEffectivePriorityArrayAndPublishesTheModel() throws Exception {
        SimulatorRunner.Options options = SimulatorRunner.Options.realTime().withSpeed(20).withBasePort(0)
                .withLogEvery(Duration.ZERO);
        try (SimulatorRunner runner = SimulatorRunner.start(parse(CH2_OVER_BACNET), options);
             BacnetClient client = BacnetClient.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            assertThat(runner.endpoints()).extracting(DeviceEndpoint::deviceId).containsExactly("meter", "grid", "ch1");
            assertThat(runner.bacnetEndpoints()).hasSize(1);
            BacnetEndpoint ep = runner.bacnetEndpoints().get(0);
            assertThat(ep.deviceId()).isEqualTo("ch2");
            assertThat(ep.deviceInstance()).isEqualTo(1002);
            assertThat(ep.port()).isPositive();
            assertThat(ep.profile()).isEqualTo(BacnetChillerProfile.NAME);
            assertThat(runner.endpointLines()).anySatisfy(l -> assertThat(l).contains("bacnet-ip").contains("device 1002"));

            PeerAddress peer = PeerAddress.local(new InetSocketAddress(ep.host(), ep.port()));
            List<DeviceInfo> found = client.whoIs(peer, WhoIs.ALL, Duration.ofMillis(300));
            assertThat(found).extracting(DeviceInfo::instance).containsExactly(1002);

            BacnetDevice plantd = new BacnetDevice("ch2", BacnetChillerProfile.profile(), client, peer,
                    BacnetDeviceOptions.DEFAULT.withRequests(new RequestOptions(Duration.ofMillis(500), 1)),
                    Clock.systemUTC());
            Map<String, PointValue> first = plantd.pollAll();
            assertThat(first.values()).allSatisfy(v -> assertThat(v.isGood()).as(v.toString()).isTrue());
            assertThat(first.get("drive_mode_cmd").value()).isEqualTo(DriveCode.LOCAL);
            assertThat(first.get("cooling_load").value()).isPositive();

            // plantd's priority-10 command, kept alive by a changing heartbeat
            assertThat(plantd.write("drive_mode_cmd", DriveCode.ENGINE).ok()).isTrue();
            int[] hb = {0};
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
                plantd.write("heartbeat", ++hb[0]);
                return plantd.pollAll().get("drive_mode_status").value() == DriveCode.ENGINE;
            });
            assertThat(command(runner, "ch2")).isEqualTo(DriveCode.ENGINE);
            assertThat(chiller(runner, "ch2").heartbeat()).isPositive();
            assertThat(chiller(runner, "ch2").engineRunning()).isTrue();
            // the measurement objects follow the model
            double modelMotor = runner.inspect(s -> s.model().chiller("ch2").motorKw());
            assertThat(plantd.pollAll().get("motor_power").value()).isEqualTo(modelMotor, org.assertj.core.data.Offset.offset(1e-3));
            assertThat(plantd.pollAll().get("engine_running").value()).isEqualTo(1.0);

            // an operator at the BMS writes MOTOR at priority 8: it wins over plantd's ENGINE at 10
            ObjectIdentifier cmd = new ObjectIdentifier(ObjectTypes.ANALOG_VALUE, 1);
            PropertyReference pv = PropertyReference.of(cmd, PropertyIds.PRESENT_VALUE);
            client.writeProperty(peer, new WriteProperty(pv, List.of(new BacnetValue.RealValue(DriveCode.MOTOR)), 8),
                    RequestOptions.DEFAULT);
            await().atMost(Duration.ofSeconds(5)).until(
                    () -> command(runner, "ch2") == DriveCode.MOTOR);
            BacnetObjectTable table = runner.bacnetTable("ch2").orElseThrow();
            assertThat(table.prioritySlot(cmd, 10)).isEqualTo(DriveCode.ENGINE);
            assertThat(table.prioritySlot(cmd, 8)).isEqualTo(DriveCode.MOTOR);

            // the operator relinquishes: plantd's ENGINE is effective again
            client.writeProperty(peer, new WriteProperty(pv, List.of(BacnetValue.Null.INSTANCE), 8), RequestOptions.DEFAULT);
            await().atMost(Duration.ofSeconds(5)).until(
                    () -> command(runner, "ch2") == DriveCode.ENGINE);

            // plantd relinquishes too: the relinquish default (LOCAL) drives the unit
            assertThat(plantd.relinquish("drive_mode_cmd").ok()).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(
                    () -> command(runner, "ch2") == DriveCode.LOCAL);

            // a value the unit refuses (BLEND on a unit without blend) changes nothing in the model
            assertThat(plantd.write("drive_mode_cmd", DriveCode.BLEND).ok()).isTrue();
            Thread.sleep(300);
            assertThat(command(runner, "ch2")).isEqualTo(DriveCode.LOCAL);

            // the Modbus chillers are untouched by any of this
            assertThat(command(runner, "ch1")).isEqualTo(DriveCode.LOCAL);
        }
    }
}
