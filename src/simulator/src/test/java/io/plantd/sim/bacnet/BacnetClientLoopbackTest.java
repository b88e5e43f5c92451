package io.plantd.sim.bacnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantd.drivers.bacnet.client.BacnetClient;
import io.plantd.drivers.bacnet.client.DeviceInfo;
import io.plantd.drivers.bacnet.client.RequestOptions;
import io.plantd.drivers.bacnet.codec.BacnetValue;
import io.plantd.drivers.bacnet.codec.IAm;
import io.plantd.drivers.bacnet.codec.ObjectIdentifier;
import io.plantd.drivers.bacnet.codec.ObjectTypes;
import io.plantd.drivers.bacnet.codec.PropertyIds;
import io.plantd.drivers.bacnet.codec.PropertyReference;
import io.plantd.drivers.bacnet.codec.PropertyResult;
import io.plantd.drivers.bacnet.codec.WhoIs;
import io.plantd.drivers.bacnet.codec.WriteProperty;
import io.plantd.drivers.bacnet.transport.BacnetErrorException;
import io.plantd.drivers.bacnet.transport.BacnetRejectException;
import io.plantd.drivers.bacnet.transport.BacnetTimeoutException;
import io.plantd.drivers.bacnet.transport.PeerAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** plantd's BACnet client against the simulated device over real UDP on 127.0.0.1. */
class BacnetClientLoopbackTest {
    private static final RequestOptions FAST = new RequestOptions(Duration.ofMillis(150), 1);
    private static final ObjectIdentifier AV1 = new ObjectIdentifier(ObjectTypes.ANALOG_VALUE, 1);
    private static final ObjectIdentifier AI2 = new ObjectIdentifier(ObjectTypes.ANALOG_INPUT, 2);
    private static final ObjectIdentifier BI2 = new ObjectIdentifier(ObjectTypes.BINARY_INPUT, 2);

    private SimulatedBacnetDevice sim;
    private BacnetClient client;
    private PeerAddress peer;

    @BeforeEach
    void start() throws Exception {
        sim = SimulatedBacnetDevice.start(SimChillers.chillerTable(1476), 0);
        client = BacnetClient.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        peer = PeerAddress.local(sim.address());
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    @Test
    void discoversTheDeviceWithinItsInstanceRangeOnly() throws Exception {
        List<DeviceInfo> found = client.whoIs(peer, WhoIs.range(260000, 260010), Duration.ofMillis(300));
        assertThat(found).hasSize(1);
        DeviceInfo info = found.get(0);
        assertThat(info.instance()).isEqualTo(SimChillers.DEVICE_INSTANCE);
        assertThat(info.address()).isEqualTo(peer);
        assertThat(info.iAm().segmentationSupported()).isEqualTo(IAm.NO_SEGMENTATION);
        assertThat(info.maxApduLength()).isEqualTo(1476);

        assertThat(client.whoIs(peer, WhoIs.range(1, 1000), Duration.ofMillis(200))).isEmpty();
        assertThat(client.discover(peer, SimChillers.DEVICE_INSTANCE, Duration.ofSeconds(2)))
                .map(DeviceInfo::instance).contains(SimChillers.DEVICE_INSTANCE);
    }

    @Test
    void readsPropertiesSinglyAndTogether() throws Exception {
        assertThat(client.readProperty(peer, PropertyReference.of(AI2, PropertyIds.PRESENT_VALUE), FAST))
                .containsExactly(new BacnetValue.RealValue(812.5f));
        assertThat(client.readProperty(peer, PropertyReference.of(AI2, PropertyIds.OBJECT_NAME), FAST))
                .containsExactly(new BacnetValue.CharacterStringValue("motor_power"));

        List<PropertyResult> results = client.readPropertyMultiple(peer, List.of(
                PropertyReference.of(AI2, PropertyIds.PRESENT_VALUE),
                PropertyReference.of(BI2, PropertyIds.PRESENT_VALUE),
                PropertyReference.of(BI2, 9999),
                PropertyReference.of(new ObjectIdentifier(ObjectTypes.ANALOG_INPUT, 77), PropertyIds.PRESENT_VALUE)), FAST);
        assertThat(results.get(0).values()).containsExactly(new BacnetValue.RealValue(812.5f));
        assertThat(results.get(1).values()).containsExactly(new BacnetValue.EnumeratedValue(1));
        assertThat(results.get(2).describeError()).isEqualTo("property/unknown-property");
        assertThat(results.get(3).describeError()).isEqualTo("object/unknown-object");
    }

    @Test
    void errorAndRejectResponsesSurfaceWithTheirNames() throws Exception {
        assertThatThrownBy(() -> client.readProperty(peer,
                PropertyReference.of(new ObjectIdentifier(ObjectTypes.ANALOG_INPUT, 77), 85), FAST))
                .isInstanceOf(BacnetErrorException.class).hasMessage("bacnet error object/unknown-object");
        assertThatThrownBy(() -> client.readProperty(peer, new PropertyReference(AI2, 85, 3), FAST))
                .isInstanceOf(BacnetErrorException.class).hasMessage("bacnet error property/property-is-not-an-array");
        assertThatThrownBy(() -> client.writeProperty(peer, new WriteProperty(PropertyReference.of(AI2, 85),
                List.of(new BacnetValue.RealValue(1f)), 10), FAST))
                .isInstanceOf(BacnetErrorException.class).hasMessage("bacnet error property/write-access-denied");
        assertThatThrownBy(() -> client.writeProperty(peer, new WriteProperty(PropertyReference.of(AV1, 85),
                List.of(new BacnetValue.UnsignedValue(1)), 10), FAST))
                .isInstanceOf(BacnetErrorException.class).hasMessage("bacnet error property/invalid-data-type");

        sim.setSupportsReadPropertyMultiple(false);
        assertThatThrownBy(() -> client.readPropertyMultiple(peer, List.of(PropertyReference.of(AI2, 85)), FAST))
                .isInstanceOf(BacnetRejectException.class).hasMessage("reject unrecognized-service");
    }

    @Test
    void priorityArrayDecidesPresentValueAndRelinquishRestoresTheDefault() throws Exception {
        PropertyReference pv = PropertyReference.of(AV1, PropertyIds.PRESENT_VALUE);
        client.writeProperty(peer, new WriteProperty(pv, List.of(new BacnetValue.RealValue(1f)), 10), FAST);
        client.writeProperty(peer, new WriteProperty(pv, List.of(new BacnetValue.RealValue(3f)), 8), FAST);
        assertThat(client.readProperty(peer, pv, FAST)).containsExactly(new BacnetValue.RealValue(3f));
        List<BacnetValue> array = client.readProperty(peer, PropertyReference.of(AV1, PropertyIds.PRIORITY_ARRAY), FAST);
        assertThat(array).hasSize(16);
        assertThat(array.get(7)).isEqualTo(new BacnetValue.RealValue(3f));
        assertThat(array.get(9)).isEqualTo(new BacnetValue.RealValue(1f));
        assertThat(client.readProperty(peer, new PropertyReference(AV1, PropertyIds.PRIORITY_ARRAY, 0), FAST))
                .containsExactly(new BacnetValue.UnsignedValue(16));

        client.writeProperty(peer, new WriteProperty(pv, List.of(BacnetValue.Null.INSTANCE), 8), FAST);
        assertThat(client.readProperty(peer, pv, FAST)).containsExactly(new BacnetValue.RealValue(1f));
        client.writeProperty(peer, new WriteProperty(pv, List.of(BacnetValue.Null.INSTANCE), 10), FAST);
        assertThat(client.readProperty(peer, pv, FAST)).containsExactly(new BacnetValue.RealValue(0f));
    }

    @Test
    void aSilentDeviceTimesOutAfterEveryRetryAndFreesTheInvokeId() throws Exception {
        sim.setSilent(true);
        int before = sim.confirmedRequestsServed();
        assertThatThrownBy(() -> client.readProperty(peer, PropertyReference.of(AI2, 85),
                new RequestOptions(Duration.ofMillis(100), 2)))
                .isInstanceOf(BacnetTimeoutException.class).hasMessage("timeout after 3 attempts of 100 ms");
        assertThat(sim.confirmedRequestsServed()).isEqualTo(before);
        sim.setSilent(false);
        // 300 further transactions prove invoke IDs are released (only 256 exist).
        for (int i = 0; i < 300; i++) {
            client.readProperty(peer, PropertyReference.of(AI2, 85), FAST);
        }
    }

    @Test
    void reachesADeviceBehindARouterWithDnetAndDadr() throws Exception {
        byte[] mac = {0x0A};
        try (SimulatedBacnetDevice routed = SimulatedBacnetDevice.startBehindRouter(SimChillers.chillerTable(480),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5, mac)) {
            PeerAddress behind = PeerAddress.routed(routed.address(), 5, mac);
            assertThat(client.readProperty(behind, PropertyReference.of(AI2, 85), FAST))
                    .containsExactly(new BacnetValue.RealValue(812.5f));
            client.writeProperty(behind, new WriteProperty(PropertyReference.of(AV1, 85),
                    List.of(new BacnetValue.RealValue(2f)), 10), FAST);
            assertThat(routed.table().prioritySlot(AV1, 10)).isEqualTo(2.0);

            // Without DNET/DADR the "router" does not deliver the request to the MS/TP device.
            assertThatThrownBy(() -> client.readProperty(PeerAddress.local(routed.address()),
                    PropertyReference.of(AI2, 85), new RequestOptions(Duration.ofMillis(100), 0)))
                    .isInstanceOf(BacnetTimeoutException.class);

            // A global-broadcast Who-Is (DNET X'FFFF') reaches it; its I-Am carries SNET/SADR,
            // which give the routed address to use.
            List<DeviceInfo> found = client.whoIs(PeerAddress.globalBroadcast(routed.address()), WhoIs.ALL,
                    Duration.ofMillis(300));
            assertThat(found).extracting(DeviceInfo::address).containsExactly(behind);
            assertThat(found.get(0).maxApduLength()).isEqualTo(480);
        }
    }
}
