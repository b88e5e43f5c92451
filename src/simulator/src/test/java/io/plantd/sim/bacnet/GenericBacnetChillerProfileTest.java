package io.plantd.sim.bacnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.drivers.bacnet.client.BacnetClient;
import io.plantd.drivers.bacnet.client.BacnetDevice;
import io.plantd.drivers.bacnet.client.BacnetDeviceOptions;
import io.plantd.drivers.bacnet.client.BacnetPoint;
import io.plantd.drivers.bacnet.client.DeviceInfo;
import io.plantd.drivers.bacnet.client.RequestOptions;
import io.plantd.drivers.bacnet.transport.PeerAddress;
import io.plantd.drivers.point.PointValue;
import io.plantd.drivers.profile.BacnetAddress;
import io.plantd.drivers.profile.DeviceKind;
import io.plantd.drivers.profile.DeviceProfile;
import io.plantd.drivers.profile.PointDef;
import io.plantd.drivers.profile.Protocol;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The shipped config/profiles/generic-bacnet-hybrid-chiller.yaml, served by the simulator and
 * polled by the driver. The YAML is read here with a minimal mapping of the documented keys
 * (the strict ProfileLoader lives with the config work); it declares every required point.
 */
class GenericBacnetChillerProfileTest {
    /** io.plantd.controller.policy.ChillerPoints.REQUIRED (the simulator does not see the controller). */
    private static final List<String> REQUIRED = List.of("drive_mode_cmd", "heartbeat", "drive_mode_status",
            "motor_power", "cooling_load", "engine_ready", "engine_running", "engine_start_failed",
            "gas_pressure_low", "fault");

    @SuppressWarnings("unchecked")
    static DeviceProfile load() throws Exception {
        Path file = Path.of(System.getProperty("plantd.root", "../.."), "config", "profiles",
                "generic-bacnet-hybrid-chiller.yaml");
        Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(file));
        assertThat(doc.get("name")).isEqualTo("generic-bacnet-hybrid-chiller");
        assertThat(doc.get("protocol")).isEqualTo("bacnet");
        Map<String, Object> defaults = (Map<String, Object>) doc.get("defaults");
        List<PointDef> points = new ArrayList<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) doc.get("points")) {
            points.add(new PointDef((String) p.get("name"), (String) p.getOrDefault("unit", ""),
                    Boolean.TRUE.equals(p.get("writable")),
                    p.containsKey("min") ? ((Number) p.get("min")).doubleValue() : Double.NaN,
                    p.containsKey("max") ? ((Number) p.get("max")).doubleValue() : Double.NaN,
                    ((Number) p.getOrDefault("maxAgeMs", defaults.get("maxAgeMs"))).longValue(),
                    (String) p.getOrDefault("description", ""),
                    new BacnetAddress((String) p.get("object"), ((Number) p.get("instance")).intValue(),
                            (String) p.getOrDefault("property", "present-value"),
                            ((Number) p.getOrDefault("index", -1)).intValue(),
                            ((Number) p.getOrDefault("priority", defaults.get("priority"))).intValue())));
        }
        return new DeviceProfile((String) doc.get("name"), (String) doc.get("description"), Protocol.BACNET,
                DeviceKind.CHILLER, points, List.of());
    }

    @Test
    void declaresEveryRequiredPointWithResolvableAddresses() throws Exception {
        DeviceProfile profile = load();
        assertThat(profile.points()).extracting(PointDef::name).containsAll(REQUIRED);
        for (PointDef def : profile.points()) {
            BacnetPoint p = BacnetPoint.resolve(def); // throws on an unknown object type or property name
            if (def.writable()) {
                assertThat(p.isCommandablePresentValue()).as(def.name()).isTrue();
                assertThat(p.writePriority()).as(def.name()).isEqualTo(10);
            }
        }
        assertThat(profile.point("drive_mode_cmd").orElseThrow().writable()).isTrue();
        assertThat(profile.point("heartbeat").orElseThrow().writable()).isTrue();
    }

    @Test
    void theSimulatorServesItAndTheDriverCommandsIt() throws Exception {
        DeviceProfile profile = load();
        BacnetObjectTable table = BacnetObjectTable.fromProfile(1001, profile,
                Map.of("motor_power", 640.0, "cooling_load", 900.0, "engine_ready", 1.0));
        try (SimulatedBacnetDevice sim = SimulatedBacnetDevice.start(table, 0);
             BacnetClient client = BacnetClient.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            DeviceInfo info = client.discover(PeerAddress.local(sim.address()), 1001, Duration.ofSeconds(2))
                    .orElseThrow();
            BacnetDevice device = BacnetDevice.fromIAm("chiller-1", profile, client, info,
                    BacnetDeviceOptions.DEFAULT.withRequests(new RequestOptions(Duration.ofMillis(200), 1)),
                    Clock.systemUTC());

            Map<String, PointValue> values = device.pollAll();
            assertThat(values.keySet()).containsAll(REQUIRED);
            assertThat(values.values()).allMatch(PointValue::isGood);
            assertThat(values.get("motor_power").value()).isEqualTo(640.0);
            assertThat(values.get("motor_power").unit()).isEqualTo("kW");
            assertThat(values.get("engine_ready").value()).isEqualTo(1.0);
            assertThat(values.get("drive_mode_cmd").value()).isEqualTo(0.0); // relinquish default: LOCAL

            assertThat(device.write("drive_mode_cmd", 2).ok()).isTrue();
            assertThat(device.write("heartbeat", 41).ok()).isTrue();
            assertThat(table.point("drive_mode_cmd")).isEqualTo(2.0);
            assertThat(table.point("heartbeat")).isEqualTo(41.0);

            table.setPoint("drive_mode_status", 2);
            table.setPoint("engine_running", 1);
            Map<String, PointValue> after = device.pollAll();
            assertThat(after.get("drive_mode_status").value()).isEqualTo(2.0);
            assertThat(after.get("engine_running").value()).isEqualTo(1.0);
        }
    }
}
